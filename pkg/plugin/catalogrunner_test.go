package plugin

import (
	"net/http"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// The catalog runner inside the data source: what a rule or a server-side panel shows for each
// kind of failure. Happy paths and frames are the plugin-host test's (pkg/panels_test.go).

func TestCatalogRunnerErrors(t *testing.T) {
	queries, err := NewCatalogRunner()
	if err != nil {
		t.Fatal(err)
	}
	from := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	tr := backend.TimeRange{From: from, To: from.Add(time.Hour)}
	env := `"environmentId":"f7c4e0b3-5a9d-4dbf-ae8c-2b6a4d3f1e05"`

	t.Run("a query that cannot run as saved: the editor's message, a 400, nothing sent", func(t *testing.T) {
		f := newFakeChoreo(t)
		ds := newTestDatasource(t, f.jsonData(), testSecret, queries)
		resp := queryData(t, ds, backend.DataQuery{RefID: "A", TimeRange: tr,
			JSON: []byte(`{"refId":"A","queryType":"customReport",` + env + `,"customReport":{"metric":"NOPE","groupByFields":["API_NAME"]}}`)})
		r := resp.Responses["A"]
		if r.Status != backend.StatusBadRequest || r.ErrorSource != backend.ErrorSourceDownstream {
			t.Errorf("%v %v", r.Status, r.ErrorSource)
		}
		mustContain(t, errMessage(t, r.Error), `Unknown metric "NOPE": choose HIT_COUNT,`)
		if f.apiCalls.Load()+f.tokenCalls.Load() != 0 {
			t.Error("a query that cannot run called Choreo")
		}
	})

	t.Run("an unknown query type names it", func(t *testing.T) {
		f := newFakeChoreo(t)
		ds := newTestDatasource(t, f.jsonData(), testSecret, queries)
		resp := queryData(t, ds, backend.DataQuery{RefID: "A", TimeRange: tr, JSON: []byte(`{"queryType":"errorRate"}`)})
		mustContain(t, errMessage(t, resp.Responses["A"].Error), `errorRate`)
	})

	t.Run("Choreo's failure keeps the client's message and status", func(t *testing.T) {
		f := newFakeChoreo(t)
		f.api = func(w http.ResponseWriter, _ *http.Request, _ int) {
			writeJSON(w, 500, map[string]string{"code": "500", "message": "Runtime Error"})
		}
		ds := newTestDatasource(t, f.jsonData(), testSecret, queries)
		resp := queryData(t, ds, backend.DataQuery{RefID: "A", TimeRange: tr, JSON: []byte(`{"queryType":"overviewKpi",` + env + `}`)})
		r := resp.Responses["A"]
		if got := errMessage(t, r.Error); got != "The Insights API failed (HTTP 500). Response: Runtime Error" {
			t.Errorf("%q", got)
		}
		if r.Status != backend.StatusInternal && r.Status != backend.StatusBadGateway {
			t.Errorf("status %v", r.Status)
		}
		if r.ErrorSource != backend.ErrorSourceDownstream {
			t.Errorf("source %v", r.ErrorSource)
		}
	})

	t.Run("an answer of the wrong shape is said, not shown as No data", func(t *testing.T) {
		f := newFakeChoreo(t)
		f.api = func(w http.ResponseWriter, _ *http.Request, _ int) {
			writeJSON(w, 200, map[string]any{"data": map[string]any{"traffic": map[string]any{"total": 5}}})
		}
		ds := newTestDatasource(t, f.jsonData(), testSecret, queries)
		resp := queryData(t, ds, backend.DataQuery{RefID: "A", TimeRange: tr, JSON: []byte(`{"queryType":"overviewKpi",` + env + `}`)})
		r := resp.Responses["A"]
		if r.Error != nil || len(r.Frames) != 1 || r.Frames[0].Meta == nil || len(r.Frames[0].Meta.Notices) != 1 {
			t.Fatalf("%v %v", r.Error, r.Frames)
		}
		want := "1 value(s) of `Total Traffic` could not be read as numbers and are shown empty: the Insights API answered an object."
		if got := r.Frames[0].Meta.Notices[0]; got.Text != want || got.Severity != data.NoticeSeverityWarning {
			t.Errorf("%+v", got)
		}
	})
}
