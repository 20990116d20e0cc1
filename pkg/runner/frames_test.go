package runner

import (
	"context"
	"reflect"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// What a panel shows when the API answers something that is no number where a frame needs
// one: empty cells and one warning per field (src/catalog/frames/*.test.ts are the browser's).

// numbers is a number field's values as a user reads them: float64, or nil for an empty cell.
func numbers(t *testing.T, f *data.Field) []any {
	t.Helper()
	out := make([]any, f.Len())
	for i := range out {
		if v, ok := f.ConcreteAt(i); ok {
			out[i] = v
		}
	}
	return out
}

func runAnswer(t *testing.T, query, answer string) Result {
	t.Helper()
	res := loadCatalog(t).Run(context.Background(), input(t, query), &fixedTransport{data: answer}, nil)
	if res.Error != "" {
		t.Fatal(res.Error)
	}
	if len(res.Frames) != 1 {
		t.Fatalf("%d frames", len(res.Frames))
	}
	return res
}

func checkNotices(t *testing.T, res Result, want ...string) {
	t.Helper()
	if got := noticeTexts(res); !reflect.DeepEqual(got, want) {
		t.Errorf("notices\n got %q\nwant %q", got, want)
	}
	for _, n := range res.Frames[0].Meta.Notices {
		if n.Severity != data.NoticeSeverityWarning {
			t.Errorf("%q: severity %v, want warning", n.Text, n.Severity)
		}
	}
}

func TestKPIThatIsNoNumberIsSaid(t *testing.T) {
	cases := []struct{ kpi, answer, notice string }{
		{"totalTraffic", `{"traffic":{"total":5}}`, "1 value(s) of `Total Traffic` could not be read as numbers and are shown empty: the Insights API answered an object."},
		{"errorCount", `{"errors":[5]}`, "1 value(s) of `Error Request Count` could not be read as numbers and are shown empty: the Insights API answered a list."},
		{"latencyP95", `{"latency":true}`, "1 value(s) of `95th Percentile Latency` could not be read as numbers and are shown empty: the Insights API answered true or false."},
		{"latencyP95", `{"latency":1e400}`, "1 value(s) of `95th Percentile Latency` could not be read as numbers and are shown empty: the Insights API answered a number too large to read."},
		{"errorRate", `{"errors":1,"traffic":{"total":5}}`, "1 value(s) of `Error Rate` could not be read as numbers and are shown empty: the Insights API answered an object."},
		{"errorRate", `{"errors":"abc","traffic":5}`, "1 value(s) of `Error Rate` could not be read as numbers and are shown empty: the Insights API answered a string."},
	}
	for _, c := range cases {
		res := runAnswer(t, `{"refId":"K","queryType":"overviewKpi","kpi":"`+c.kpi+`"}`, c.answer)
		if got := numbers(t, res.Frames[0].Fields[0]); !reflect.DeepEqual(got, []any{nil}) {
			t.Errorf("%s %s: values %v", c.kpi, c.answer, got)
		}
		checkNotices(t, res, c.notice)
	}
	// null is the API's "no value": an empty cell, nothing to say.
	res := runAnswer(t, `{"refId":"K","queryType":"overviewKpi","kpi":"totalTraffic"}`, `{"traffic":null}`)
	if got := numbers(t, res.Frames[0].Fields[0]); !reflect.DeepEqual(got, []any{nil}) {
		t.Errorf("null: values %v", got)
	}
	checkNotices(t, res)
}

func TestTableNumbersThatAreNoNumbersAreSaid(t *testing.T) {
	// Sorted slowest first: the empty cells go last, the notice names the first in the answer.
	res := runAnswer(t, `{"refId":"A","queryType":"topSlowestApis","limit":5}`,
		`{"topSlowestAPIs":[{"apiId":"a","latency":"slow"},{"apiId":"b","latency":4},{"apiId":"c","latency":[9]},{"apiId":"d","latency":null},{"apiId":"e","latency":"7"}]}`)
	f := res.Frames[0]
	if got := numbers(t, f.Fields[2]); !reflect.DeepEqual(got, []any{7.0, 4.0, nil, nil, nil}) {
		t.Errorf("latency %v", got)
	}
	checkNotices(t, res, "2 value(s) of `95th Percentile Latency` could not be read as numbers and are shown empty: the Insights API answered a string.")
}

func TestSeriesValuesThatAreNoNumbersAreSaid(t *testing.T) {
	res := runAnswer(t, `{"refId":"A","queryType":"requestSummary","granularity":"1h"}`, `{
		"success":{"summary":[{"timeSpan":"2026-11-24T09:00:00Z","requestCount":"many"},{"timeSpan":"2026-11-24T10:00:00Z","requestCount":"12"},{"timeSpan":"2026-11-24T11:00:00Z","requestCount":true}]},
		"errors":{"summary":[{"timeSpan":"2026-11-24T09:00:00Z","errorCount":{"n":1}},{"timeSpan":"never","errorCount":[]},{"timeSpan":"2026-11-24T11:00:00Z","errorCount":null}]},
		"latency":{"summary":[{"timeSpan":"2026-11-24T09:00:00Z","latencyTime":1.5}]}}`)
	f := res.Frames[0]
	want := map[string][]any{
		"Success": {nil, 12.0, nil},
		// A bucket there with no number is an empty cell, not the grid's 0.
		"Errors":  {nil, 0.0, nil},
		"Latency": {1.5, nil, nil},
	}
	for _, field := range f.Fields[1:] {
		if got := numbers(t, field); !reflect.DeepEqual(got, want[field.Name]) {
			t.Errorf("%s: %v, want %v", field.Name, got, want[field.Name])
		}
	}
	// The dropped bucket's value is not counted: it is not shown at all, and said as such.
	checkNotices(t, res,
		"1 bucket(s) had a timestamp that could not be read and were left out.",
		"2 value(s) of `Success` could not be read as numbers and are shown empty: the Insights API answered a string.",
		"1 value(s) of `Errors` could not be read as numbers and are shown empty: the Insights API answered an object.",
	)
}

func TestPivotCellsThatAreNoNumbersAreSaid(t *testing.T) {
	res := runAnswer(t, `{"refId":"A","queryType":"errorsByStatusCode","errorType":"PROXY"}`, `{"getErrorsByStatusCode":{"errors":[
		{"apiId":"a","errorCountByCode":[{"statusCode":"404","count":{"n":1}},{"statusCode":"404","count":2},{"statusCode":"500","count":null},{"statusCode":"500","count":"3"}]},
		{"apiId":"b","errorCountByCode":[{"statusCode":"404","count":5},{"statusCode":"503","count":false}]}]}}`)
	f := res.Frames[0]
	want := map[string][]any{
		// An unknown addend leaves the sum empty; a null one adds nothing.
		"404": {nil, 5.0},
		"500": {3.0, 0.0},
		"503": {0.0, nil},
	}
	for _, field := range f.Fields[2:] {
		if got := numbers(t, field); !reflect.DeepEqual(got, want[field.Name]) {
			t.Errorf("%s: %v, want %v", field.Name, got, want[field.Name])
		}
	}
	checkNotices(t, res,
		"1 value(s) of `404` could not be read as numbers and are shown empty: the Insights API answered an object.",
		"1 value(s) of `503` could not be read as numbers and are shown empty: the Insights API answered true or false.",
	)
}
