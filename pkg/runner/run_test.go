package runner

import (
	"context"
	"encoding/json"
	"io/fs"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/choreo-insights/choreo-insights-datasource/catalog"
)

// fixedTransport answers every query document with one body (recording the requests) and the
// API names list with nothing (counted apart: it is sent alongside the query).
type fixedTransport struct {
	data  string
	mu    sync.Mutex
	asked []Request
	lists int
}

func (f *fixedTransport) Do(ctx context.Context, req Request) (Answer, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if strings.Contains(req.Query, "listAllAPI") {
		f.lists++
		return Answer{Data: []byte(`{"listAllAPI":[]}`)}, nil
	}
	f.asked = append(f.asked, req)
	return Answer{Data: []byte(f.data)}, nil
}

func input(t *testing.T, query string) Input {
	t.Helper()
	from := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	return Input{Query: json.RawMessage(query), From: from, To: from.Add(3 * time.Hour), IntervalMs: 3_600_000,
		MaxDataPoints: 500, Settings: Settings{OrgUUID: " ORG ", DefaultEnvironmentID: "env"}}
}

func TestRawGraphQLIsRefused(t *testing.T) {
	cat := loadCatalog(t)
	tr := &fixedTransport{}
	res := cat.Run(context.Background(), input(t, `{"refId":"A","queryType":"graphql","query":"{ x }"}`), tr, nil)
	want := "Raw GraphQL queries are not available in alert rules and other server-side features: use a builder query type."
	if res.Error != want || len(tr.asked) != 0 {
		t.Errorf("error %q, %d requests", res.Error, len(tr.asked))
	}
}

func TestErrorsBeforeAnyRequest(t *testing.T) {
	cat := loadCatalog(t)
	cases := map[string]string{
		`{"queryType":"nope"}`:                                                                              `Unknown query type "nope". Pick a query type in the editor.`,
		`{"queryType":"toString"}`:                                                                          `Unknown query type "toString". Pick a query type in the editor.`,
		`{"queryType":"requestSummary","granularity":"1w"}`:                                                 `Unknown granularity "1w": choose auto, 1m, 15m, 1h, 1d, 7d.`,
		`{"queryType":"requestSummary","environmentId":{}}`:                                                 `Environment (environmentId) must be text (got an object): fix it in the query editor or the dashboard JSON.`,
		`{"queryType":"cache","apiIds":["a","b"]}`:                                                          `This view filters by one API at a time, but 2 APIs are selected.`,
		`{"queryType":"requestSummary","environmentId":"$env"}`:                                             `The dashboard variable $env is not defined: add it in the dashboard settings or remove it from this query.`,
		`{"queryType":"topSlowestApis","limit":0}`:                                                          `Limit must be a whole number of at least 1 (got 0).`,
		`{"queryType":"topSlowestApis","limit":"2.5"}`:                                                      `Limit must be a whole number of at least 1 (got 2.5).`,
		`{"queryType":"errorDetails","maxRows":[1]}`:                                                        `Max rows must be a whole number from 1 to 20000 (got [1]).`,
		`{"queryType":"errorDetails","errorCategories":["AUTH","OTHER"]}`:                                   `Error details filter by one error category: pick one, or none for all.`,
		`{"queryType":"errorsByCategory","errorCategories":[{"a":1}]}`:                                      `Unknown error category "{"a":1}": choose AUTH, TARGET_CONNECTIVITY, THROTTLED, OTHER.`,
		`{"queryType":"customReport","customReport":{"groupByFields":[]}}`:                                  `A custom report groups by 1 to 3 fields: choose at least one group-by field.`,
		`{"queryType":"customReport","customReport":{"groupByFields":["API_NAME"],"groupByValues":[true]}}`: `Group by values must be text (got true).`,
		`{"queryType":"alertSummary","search":{"x":"Bearer abcdef"}}`:                                       `Search must be text (got {"x":"Bearer [redacted]"}).`,
	}
	for q, want := range cases {
		tr := &fixedTransport{}
		res := cat.Run(context.Background(), input(t, q), tr, nil)
		if res.Error != want {
			t.Errorf("%s:\n  got  %q\n  want %q", q, res.Error, want)
		}
		if len(tr.asked)+tr.lists != 0 {
			t.Errorf("%s: %d requests sent", q, len(tr.asked)+tr.lists)
		}
	}
	in := input(t, `{"queryType":"requestSummary"}`)
	in.Settings.OrgUUID = " "
	if res := cat.Run(context.Background(), in, &fixedTransport{}, nil); res.Error != "The data source has no organization UUID: set it in the data source settings." {
		t.Errorf("no org: %q", res.Error)
	}
	in = input(t, `{"queryType":"requestSummary"}`)
	in.To = in.From
	if res := cat.Run(context.Background(), in, &fixedTransport{}, nil); res.Error != "The time range is empty (it starts and ends at 2026-11-24T09:00:00.000Z): pick a range that spans some time." {
		t.Errorf("empty range: %q", res.Error)
	}
	in.From = time.Time{}
	if res := cat.Run(context.Background(), in, &fixedTransport{}, nil); res.Error != "The time range is not valid: pick a range in the time picker." {
		t.Errorf("no range: %q", res.Error)
	}
}

func TestSavedQueryDefaultsAndOldIDs(t *testing.T) {
	cat := loadCatalog(t)
	tr := &fixedTransport{data: `{"getCacheHitsAndMisses":{"summary":[]}}`}
	// An old query: single apiId, no refId; its options as saved by hand (whitespace is not set).
	res := cat.Run(context.Background(), input(t, `{"queryType":"cache","apiId":" u1 ","granularity":null}`), tr, nil)
	if res.Error != "" {
		t.Fatal(res.Error)
	}
	var vars map[string]any
	_ = json.Unmarshal(tr.asked[0].Variables, &vars)
	filter := vars["filter"].(map[string]any)
	if filter["apiId"] != "u1" || vars["dataFilter"].(map[string]any)["orgId"] != "org" {
		t.Errorf("variables %s", tr.asked[0].Variables)
	}
	if res.Frames[0].RefID != "A" || tr.asked[0].OperationName != "CacheHitsAndMisses" {
		t.Errorf("refId %q, operation %q", res.Frames[0].RefID, tr.asked[0].OperationName)
	}
}

func TestVariablesKeepTheCatalogOrderWithoutHTMLEscaping(t *testing.T) {
	cat := loadCatalog(t)
	tr := &fixedTransport{data: `{"getAlertSummary":{"usage":[],"pagination":{"total":0}}}`}
	res := cat.Run(context.Background(), input(t, `{"queryType":"alertSummary","search":"<a&b>"}`), tr, nil)
	if res.Error != "" {
		t.Fatal(res.Error)
	}
	want := `{"timeFilter":{"from":"2026-11-24T09:00:00.000Z","to":"2026-11-24T12:00:00.000Z"},"dataFilter":{"orgId":"org","tenant":"carbon.super","environmentId":"env"},"filter":{"paginationFilter":{"limit":1000,"offset":0,"sortOrder":"desc"},"searchFilter":{"searchText":"<a&b>"}}}`
	if got := string(tr.asked[0].Variables); got != want {
		t.Errorf("variables\n got %s\nwant %s", got, want)
	}
}

func TestTimeZones(t *testing.T) {
	cat := loadCatalog(t)
	cases := []struct{ zone, from, notice string }{
		{"", "2026-11-24T09:00:00.000Z", ""},
		{"browser", "2026-11-24T09:00:00.000Z", ""},
		{"UTC", "2026-11-24T09:00:00.000Z", ""},
		{"Asia/Kolkata", "2026-11-24T14:30:00.000+05:30", ""},
		{"America/Los_Angeles", "2026-11-24T01:00:00.000-08:00", ""},
		{"Europe/London", "2026-11-24T09:00:00.000Z", ""},
		{"Mars/Olympus", "2026-11-24T09:00:00.000Z", `Unknown time zone "Mars/Olympus": days start at UTC midnight.`},
		{"Local", "2026-11-24T09:00:00.000Z", `Unknown time zone "Local": days start at UTC midnight.`},
	}
	for _, c := range cases {
		tr := &fixedTransport{data: `{"success":null}`}
		in := input(t, `{"queryType":"requestSummary"}`)
		in.TimeZone = c.zone
		res := cat.Run(context.Background(), in, tr, nil)
		if res.Error != "" {
			t.Fatalf("%s: %s", c.zone, res.Error)
		}
		var vars struct {
			TimeFilter struct{ From string } `json:"timeFilter"`
		}
		_ = json.Unmarshal(tr.asked[0].Variables, &vars)
		texts := noticeTexts(res)
		if vars.TimeFilter.From != c.from || (c.notice == "") != (len(texts) == 0) || (c.notice != "" && texts[0] != c.notice) {
			t.Errorf("%q: from %s, notices %q", c.zone, vars.TimeFilter.From, texts)
		}
	}
	// Local mean time is not whole minutes: the browser falls back to UTC, and so does this.
	loc := loadZone("Asia/Kolkata")
	if _, ok := offsetMinutes(loc, time.Date(1850, 1, 1, 0, 0, 0, 0, time.UTC).UnixMilli()); ok {
		t.Error("an offset with seconds was taken")
	}
}

// A number series from an answer with text counts, holes and junk: the frame alerting reads.
func TestKPIIsOneNumber(t *testing.T) {
	cat := loadCatalog(t)
	tr := &fixedTransport{data: `{"errors":" 12 ","traffic":"48"}`}
	res := cat.Run(context.Background(), input(t, `{"refId":"K","queryType":"overviewKpi","kpi":"errorRate"}`), tr, nil)
	if res.Error != "" {
		t.Fatal(res.Error)
	}
	f := res.Frames[0]
	if len(f.Fields) != 1 || f.Rows() != 1 || f.Meta.Type != "numeric-wide" || f.RefID != "K" {
		t.Fatalf("frame %+v", f)
	}
	if v, _ := f.Fields[0].ConcreteAt(0); v != 25.0 {
		t.Errorf("error rate %v, want 25", v)
	}
}

func TestLoadRefusesUnknownKeys(t *testing.T) {
	base := fstest.MapFS{}
	err := fs.WalkDir(catalog.Files, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(catalog.Files, path)
		base[path] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Load(base); err != nil {
		t.Fatalf("the catalog as a MapFS: %v", err)
	}
	edit := func(path, old, new string) fstest.MapFS {
		m := fstest.MapFS{}
		for k, v := range base {
			m[k] = v
		}
		text := string(base[path].Data)
		if !strings.Contains(text, old) {
			t.Fatalf("%s has no %q", path, old)
		}
		m[path] = &fstest.MapFile{Data: []byte(strings.Replace(text, old, new, 1))}
		return m
	}
	bad := map[string]fstest.MapFS{
		"unknown top-level key":    edit("types/cache.json", `"granularity": true,`, `"granularity": true, "granularty": true,`),
		"unknown series key":       edit("types/cache.json", `"fill": "zero"`, `"fill": "zero", "fil": 1`),
		"unknown option key":       edit("types/topSlowestApis.json", `{ "use": "limit",`, `{ "use": "limit", "maxx": 3,`),
		"unknown shared option":    edit("types/topSlowestApis.json", `"use": "limit"`, `"use": "limits"`),
		"missing document":         edit("types/cache.json", `CacheHitsAndMisses.graphql`, `Nope.graphql`),
		"sort by a missing column": edit("types/topSlowestApis.json", `"column": "Latency"`, `"column": "Slowness"`),
		"$apiName without lookup":  edit("types/topSlowestApis.json", `"lookups": ["apiNames"],`, ``),
		"unknown arity":            edit("types/cache.json", `"apis": "one"`, `"apis": "two"`),
		"unknown kind":             edit("types/cache.json", `"kind": "timeSeries"`, `"kind": "heatmap"`),
		"missing message":          edit("common.json", `"pagesCut"`, `"pagesCutX"`),
	}
	for name, fsys := range bad {
		if _, err := Load(fsys); err == nil {
			t.Errorf("%s: loaded", name)
		}
	}
	// $comment is allowed anywhere.
	if _, err := Load(edit("types/cache.json", `"granularity": true,`, `"granularity": true, "$comment": "why",`)); err != nil {
		t.Errorf("$comment refused: %v", err)
	}
}

// A dashboard variable left in an id or a free-text option is refused before anything else.
func TestUndefinedVariables(t *testing.T) {
	cat := loadCatalog(t)
	cases := map[string]string{
		`{"queryType":"requestSummary","environmentId":"$env"}`:                    "$env",
		`{"queryType":"apiUsage","apiIds":["u1","${api:csv}"]}`:                    "${api:csv}",
		`{"queryType":"requestSummary","search":"[[text]]"}`:                       "[[text]]",
		`{"queryType":"customReport","customReport":{"groupByValues":["a","$v"]}}`: "$v",
		`{"queryType":"topSlowestApis","limit":"$n"}`:                              "$n",
		`{"queryType":"nope","maxRows":"$rows"}`:                                   "$rows",
	}
	for q, name := range cases {
		want := "The dashboard variable " + name + " is not defined: add it in the dashboard settings or remove it from this query."
		if res := cat.Run(context.Background(), input(t, q), &fixedTransport{}, nil); res.Error != want {
			t.Errorf("%s: %q", q, res.Error)
		}
	}
}
