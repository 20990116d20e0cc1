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
	got, err := parity.Generic(parity.Frames(res.Frames))
	if err != nil {
		t.Fatal(err)
	}
	wantJSON, err := parity.Generic(want)
	if err != nil {
		t.Fatal(err)
	}
	if diffs := parity.Diff("frames", got, wantJSON, 25); len(diffs) > 0 {
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
