package runner

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/choreo-insights/choreo-insights-datasource/catalog"
	"github.com/choreo-insights/choreo-insights-datasource/pkg/parity"
)

// The parity vectors (catalog/vectors/README.md): every reader of the catalog must send
// exactly the recorded requests and make exactly the expected frames or error.

const vectorsDir = "../../catalog/vectors/queries"

type vector struct {
	Description string `json:"description"`
	Settings    struct {
		OrgUUID              string `json:"orgUuid"`
		Tenant               string `json:"tenant"`
		DefaultEnvironmentID string `json:"defaultEnvironmentId"`
	} `json:"settings"`
	Range struct {
		From string `json:"from"`
		To   string `json:"to"`
	} `json:"range"`
	Timezone      string          `json:"timezone"`
	IntervalMs    int64           `json:"intervalMs"`
	MaxDataPoints int64           `json:"maxDataPoints"`
	Query         json.RawMessage `json:"query"`
	Exchanges     []struct {
		Request struct {
			Document  string          `json:"document"`
			Variables json.RawMessage `json:"variables"`
		} `json:"request"`
		Answer struct {
			Body json.RawMessage `json:"body"`
		} `json:"answer"`
	} `json:"exchanges"`
	Expect json.RawMessage `json:"expect"`
}

func vectorFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(vectorsDir, "*", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	return files
}

func loadCatalog(t testing.TB) *Catalog {
	t.Helper()
	c, err := Load(catalog.Files)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return c
}

// vectorTransport answers each request with the vector's exchange for it (document text and
// variables equal as JSON values), once each, and records what else was asked.
type vectorTransport struct {
	cat     *Catalog
	v       *vector
	mu      sync.Mutex
	used    []bool
	unknown []string
}

func (vt *vectorTransport) Do(ctx context.Context, req Request) (Answer, error) {
	var vars any
	if err := json.Unmarshal(req.Variables, &vars); err != nil {
		return Answer{}, fmt.Errorf("variables are not JSON: %v", err)
	}
	file := ""
	for name, d := range vt.cat.documents {
		if d.text == req.Query {
			file = name
		}
	}
	vt.mu.Lock()
	defer vt.mu.Unlock()
	for i, ex := range vt.v.Exchanges {
		var want any
		if err := json.Unmarshal(ex.Request.Variables, &want); err != nil {
			return Answer{}, err
		}
		if vt.used[i] || ex.Request.Document != file || !reflect.DeepEqual(vars, want) {
			continue
		}
		vt.used[i] = true
		return vt.cat.DecodeAnswer(ex.Answer.Body)
	}
	vt.unknown = append(vt.unknown, fmt.Sprintf("%s %s", file, req.Variables))
	return Answer{}, fmt.Errorf("vector has no exchange for %s %s", file, req.Variables)
}

func TestVectors(t *testing.T) {
	cat := loadCatalog(t)
	files := vectorFiles(t)
	if len(files) == 0 {
		t.Fatal("no vectors found in " + vectorsDir)
	}
	ran, passed := 0, 0
	for _, file := range files {
		name := strings.TrimSuffix(strings.TrimPrefix(filepath.ToSlash(file), vectorsDir+"/"), ".json")
		t.Run(name, func(t *testing.T) {
			ran++
			runVector(t, cat, file)
			if !t.Failed() {
				passed++
			}
		})
	}
	t.Logf("parity vectors: %d files, %d ran, %d passed", len(files), ran, passed)
	// With -run picking some vectors, the others are not run on purpose.
	if f := flag.Lookup("test.run"); (f == nil || f.Value.String() == "") && ran < len(files) {
		t.Fatalf("only %d of %d vectors ran", ran, len(files))
	}
}

// Every builder query type has at least one vector, as the browser's spec requires.
func TestVectorsCoverEveryType(t *testing.T) {
	cat := loadCatalog(t)
	have := map[string]bool{}
	for _, f := range vectorFiles(t) {
		have[filepath.Base(filepath.Dir(f))] = true
	}
	for _, name := range cat.Types() {
		if !cat.types[name].raw && !have[name] {
			t.Errorf("query type %s has no vector", name)
		}
	}
}

func runVector(t *testing.T, cat *Catalog, file string) {
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var v vector
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	from, err1 := time.Parse(time.RFC3339Nano, v.Range.From)
	to, err2 := time.Parse(time.RFC3339Nano, v.Range.To)
	if err1 != nil || err2 != nil {
		t.Fatalf("range: %v %v", err1, err2)
	}
	zone := v.Timezone
	if zone == "" {
		zone = "utc"
	}
	tr := &vectorTransport{cat: cat, v: &v, used: make([]bool, len(v.Exchanges))}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	res := cat.Run(ctx, Input{
		Query: v.Query, From: from, To: to, IntervalMs: v.IntervalMs, MaxDataPoints: v.MaxDataPoints,
		TimeZone: zone,
		Settings: Settings{OrgUUID: v.Settings.OrgUUID, Tenant: v.Settings.Tenant, DefaultEnvironmentID: v.Settings.DefaultEnvironmentID},
	}, tr, NewLookups())

	if len(tr.unknown) > 0 {
		t.Errorf("requests not in the vector:\n  %s", strings.Join(tr.unknown, "\n  "))
	}
	for i, used := range tr.used {
		if !used {
			t.Errorf("exchange %d (%s) was not asked", i, v.Exchanges[i].Request.Document)
		}
	}
	var expect struct {
		Error  *string           `json:"error"`
		Frames []json.RawMessage `json:"frames"`
	}
	if err := json.Unmarshal(v.Expect, &expect); err != nil {
		t.Fatal(err)
	}
	if expect.Error != nil {
		if res.Error != *expect.Error {
			t.Errorf("error:\n  got  %q\n  want %q", res.Error, *expect.Error)
		}
		return
	}
	if res.Error != "" {
		t.Fatalf("unexpected error: %s", res.Error)
	}
	want := make([]any, len(expect.Frames))
	for i, f := range expect.Frames {
		want[i] = expectedFrame(t, cat, f)
	}
	got := generic(t, parity.Frames(res.Frames))
	if diffs := diffJSON("frames", got, generic(t, want), 25); len(diffs) > 0 {
		t.Errorf("frames differ from the vector (%s):\n  %s", v.Description, strings.Join(diffs, "\n  "))
	}
}

// expectedFrame is a vector's frame with meta.executedQueryString rendered from its stored
// {document, variables, pages} form, as catalog/vectors/README.md says.
func expectedFrame(t *testing.T, cat *Catalog, raw json.RawMessage) any {
	var f map[string]any
	if err := json.Unmarshal(raw, &f); err != nil {
		t.Fatal(err)
	}
	meta, _ := f["meta"].(map[string]any)
	if e, ok := meta["executedQueryString"].(map[string]any); ok {
		// The variables in their stored key order: the order the catalog's expression builds.
		var stored struct {
			Meta struct {
				Executed struct {
					Variables json.RawMessage `json:"variables"`
				} `json:"executedQueryString"`
			} `json:"meta"`
		}
		if err := json.Unmarshal(raw, &stored); err != nil {
			t.Fatal(err)
		}
		vars, err := parseJSON(stored.Meta.Executed.Variables)
		if err != nil {
			t.Fatal(err)
		}
		doc := cat.documents[e["document"].(string)]
		if doc == nil {
			t.Fatalf("vector names an unknown document %v", e["document"])
		}
		pages := int(e["pages"].(float64))
		more := ""
		if pages > 1 {
			more = fmt.Sprintf("\n# %d pages fetched; variables of the first page", pages)
		}
		meta["executedQueryString"] = strings.TrimSpace(doc.text) + "\n\n# variables" + more + "\n" + jsonText(vars, "  ")
	}
	return f
}

// generic is a value as encoding/json reads it back (maps, []any, float64), for comparing.
func generic(t *testing.T, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// diffJSON lists where two generic JSON values differ (path: got … want …), at most max.
func diffJSON(path string, got, want any, max int) []string {
	var out []string
	var walk func(p string, g, w any)
	walk = func(p string, g, w any) {
		if len(out) >= max {
			return
		}
		switch wv := w.(type) {
		case map[string]any:
			gv, ok := g.(map[string]any)
			if !ok {
				out = append(out, fmt.Sprintf("%s: got %s, want %s", p, short(g), short(w)))
				return
			}
			keys := map[string]bool{}
			for k := range wv {
				keys[k] = true
			}
			for k := range gv {
				keys[k] = true
			}
			sorted := make([]string, 0, len(keys))
			for k := range keys {
				sorted = append(sorted, k)
			}
			sort.Strings(sorted)
			for _, k := range sorted {
				gk, gok := gv[k]
				wk, wok := wv[k]
				switch {
				case !gok:
					out = append(out, fmt.Sprintf("%s.%s: missing, want %s", p, k, short(wk)))
				case !wok:
					out = append(out, fmt.Sprintf("%s.%s: got %s, not expected", p, k, short(gk)))
				default:
					walk(p+"."+k, gk, wk)
				}
			}
		case []any:
			gv, ok := g.([]any)
			if !ok {
				out = append(out, fmt.Sprintf("%s: got %s, want %s", p, short(g), short(w)))
				return
			}
			if len(gv) != len(wv) {
				out = append(out, fmt.Sprintf("%s: got %d items, want %d", p, len(gv), len(wv)))
			}
			for i := 0; i < len(gv) && i < len(wv); i++ {
				walk(fmt.Sprintf("%s[%d]", p, i), gv[i], wv[i])
			}
		case string:
			if gs, ok := g.(string); ok && gs != wv {
				out = append(out, fmt.Sprintf("%s: %s", p, stringDiff(gs, wv)))
			} else if !ok {
				out = append(out, fmt.Sprintf("%s:\n      got  %s\n      want %s", p, short(g), short(w)))
			}
		default:
			if !reflect.DeepEqual(g, w) {
				out = append(out, fmt.Sprintf("%s:\n      got  %s\n      want %s", p, short(g), short(w)))
			}
		}
	}
	walk(path, got, want)
	return out
}

// stringDiff shows the first line where two texts differ.
func stringDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if i >= len(g) || i >= len(w) || gl != wl {
			return fmt.Sprintf("first difference at line %d:\n      got  %q\n      want %q", i+1, gl, wl)
		}
	}
	return "texts differ"
}

func short(v any) string {
	b, _ := json.Marshal(v)
	s := string(b)
	if len(s) > 400 {
		s = s[:400] + "…"
	}
	return s
}
