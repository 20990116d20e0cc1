package plugin

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/data"
)

func newTestDatasource(t *testing.T, jsonData string, secret string, runner QueryRunner) *Datasource {
	t.Helper()
	secure := map[string]string{}
	if secret != "" {
		secure["consumerSecret"] = secret
	}
	inst, err := NewDatasourceFactory(runner)(context.Background(), backend.DataSourceInstanceSettings{
		UID: "choreo-test", Type: PluginID, JSONData: []byte(jsonData), DecryptedSecureJSONData: secure, Updated: time.Now(),
	})
	if err != nil {
		t.Fatal(err)
	}
	ds := inst.(*Datasource)
	t.Cleanup(ds.Dispose)
	return ds
}

func health(t *testing.T, ds *Datasource) *backend.CheckHealthResult {
	t.Helper()
	r, err := ds.CheckHealth(context.Background(), &backend.CheckHealthRequest{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestCheckHealth(t *testing.T) {
	t.Run("connected: the environments, as the browser says it", func(t *testing.T) {
		f := newFakeChoreo(t)
		r := health(t, newTestDatasource(t, f.jsonData(), testSecret, &recordingRunner{}))
		if r.Status != backend.HealthStatusOk || r.Message != "Connected to organization "+testOrg+": 3 environments (Development, Staging, Production)" {
			t.Errorf("%v %q", r.Status, r.Message)
		}
		body := f.apiBodies[0]
		if body["operationName"] != "ListEnvironments" || body["query"] != listEnvironmentsDocument {
			t.Errorf("request %v", body)
		}
		if vars, _ := json.Marshal(body["variables"]); string(vars) != `{"org":{"orgId":"`+testOrg+`"}}` {
			t.Errorf("variables %s", vars)
		}
	})
	t.Run("the document is the catalog's file", func(t *testing.T) {
		doc, err := Document("ListEnvironments")
		if err != nil || !strings.HasPrefix(doc, "query ListEnvironments($org: OrgFilter!, $projectId: String) {") {
			t.Errorf("%q %v", doc, err)
		}
	})
	t.Run("settings first: the backend also sees a missing secret", func(t *testing.T) {
		f := newFakeChoreo(t)
		r := health(t, newTestDatasource(t, `{"consumerKey":"choreo-demo-key","orgHandle":"demo-org","orgUuid":"demo-org"}`, "", &recordingRunner{}))
		want := "Consumer secret is required. (and 1 more setting to fix)"
		if r.Status != backend.HealthStatusError || r.Message != want {
			t.Errorf("%v %q, want %q", r.Status, r.Message, want)
		}
		if string(r.JSONDetails) != `{"message":"Consumer secret is required.\nOrganization UUID must be a UUID like 5b0d4e39-1c5a-4d3e-9f11-7a2c8e6b0d42 (Choreo Console → Settings)."}` {
			t.Errorf("details %s", r.JSONDetails)
		}
		if f.tokenCalls.Load()+f.apiCalls.Load() != 0 {
			t.Error("called Choreo although the settings are invalid")
		}
	})
	t.Run("refused credentials name the settings", func(t *testing.T) {
		f := newFakeChoreo(t)
		f.token = func(w http.ResponseWriter, _ *http.Request, _ int) {
			writeJSON(w, 401, map[string]string{"error": "invalid_client", "error_description": "Client Authentication failed."})
		}
		r := health(t, newTestDatasource(t, f.jsonData(), "wrong-secret", &recordingRunner{}))
		mustContain(t, r.Message, "Choreo's token endpoint refused the consumer key and secret: invalid_client (Client Authentication failed.).")
	})
	t.Run("unknown default environment", func(t *testing.T) {
		f := newFakeChoreo(t)
		jd := strings.Replace(f.jsonData(), "{", `{"defaultEnvironmentId":"nope",`, 1)
		r := health(t, newTestDatasource(t, jd, testSecret, &recordingRunner{}))
		want := `Connected to organization ` + testOrg + `, but the default environment "nope" is not one of its environments (Development, Staging, Production).`
		if r.Status != backend.HealthStatusError || r.Message != want {
			t.Errorf("%q", r.Message)
		}
	})
	t.Run("no environments: the UUID hint", func(t *testing.T) {
		f := newFakeChoreo(t)
		f.api = func(w http.ResponseWriter, _ *http.Request, _ int) { writeJSON(w, 200, environmentsAnswer()) }
		r := health(t, newTestDatasource(t, f.jsonData(), testSecret, &recordingRunner{}))
		mustContain(t, r.Message, "Connected, but organization "+testOrg+" has no environments.", "it must be the UUID, not the handle")
	})
}

// recordingRunner keeps the queries it was given.
type recordingRunner struct {
	mu      sync.Mutex
	queries []Query
	answer  func(Query) backend.DataResponse
}

func (r *recordingRunner) Run(_ context.Context, env QueryEnv, q Query) backend.DataResponse {
	r.mu.Lock()
	r.queries = append(r.queries, q)
	r.mu.Unlock()
	if env.Client == nil || len(env.Settings.Issues) > 0 {
		panic("the runner got no client or unvalidated settings")
	}
	if r.answer != nil {
		return r.answer(q)
	}
	return backend.DataResponse{Frames: data.Frames{data.NewFrame(q.RefID, data.NewField("value", nil, []float64{1}))}}
}

func queryData(t *testing.T, ds *Datasource, queries ...backend.DataQuery) *backend.QueryDataResponse {
	t.Helper()
	resp, err := ds.QueryData(context.Background(), &backend.QueryDataRequest{Queries: queries})
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

func TestQueryData(t *testing.T) {
	from := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	tr := backend.TimeRange{From: from, To: from.Add(time.Hour)}

	t.Run("raw GraphQL is refused with a clear message; builder types go to the runner", func(t *testing.T) {
		f := newFakeChoreo(t)
		runner := &recordingRunner{}
		ds := newTestDatasource(t, f.jsonData(), testSecret, runner)
		resp := queryData(t, ds,
			backend.DataQuery{RefID: "RAW", QueryType: "graphql", JSON: []byte(`{"refId":"RAW","queryType":"graphql","graphql":{"query":"{x}"}}`), TimeRange: tr},
			backend.DataQuery{RefID: "ERR", JSON: []byte(`{"refId":"ERR","queryType":"customReport","customReport":{"metric":"API_ERRORS"}}`),
				TimeRange: tr, Interval: time.Minute, MaxDataPoints: 500},
			backend.DataQuery{RefID: "DEF", JSON: []byte(`{"refId":"DEF","modelVersion":1}`), TimeRange: tr},
		)
		if r := resp.Responses["RAW"]; r.Error == nil || r.Error.Error() != RawGraphQLUnavailable || r.Status != backend.StatusBadRequest {
			t.Errorf("RAW: %v %v", r.Error, r.Status)
		}
		for _, ref := range []string{"ERR", "DEF"} {
			if r := resp.Responses[ref]; r.Error != nil || len(r.Frames) != 1 {
				t.Errorf("%s: %v", ref, r.Error)
			}
		}
		if len(runner.queries) != 2 {
			t.Fatalf("runner got %d queries", len(runner.queries))
		}
		byRef := map[string]Query{}
		for _, q := range runner.queries {
			byRef[q.RefID] = q
		}
		q := byRef["ERR"]
		if q.QueryType != "customReport" || !q.TimeRange.From.Equal(from) || q.Interval != time.Minute || q.MaxDataPoints != 500 ||
			!strings.Contains(string(q.JSON), `"API_ERRORS"`) {
			t.Errorf("ERR parsed as %+v", q)
		}
		if d := byRef["DEF"]; d.QueryType != DefaultQueryType || d.ModelVersion != 1 {
			t.Errorf("DEF parsed as %+v", d)
		}
	})

	t.Run("a query that is not JSON gets its own error", func(t *testing.T) {
		f := newFakeChoreo(t)
		ds := newTestDatasource(t, f.jsonData(), testSecret, &recordingRunner{})
		resp := queryData(t, ds,
			backend.DataQuery{RefID: "BAD", JSON: []byte(`{"queryType":`)},
			backend.DataQuery{RefID: "OK", JSON: []byte(`{"queryType":"cache"}`)})
		mustContain(t, resp.Responses["BAD"].Error.Error(), "The query could not be read")
		if resp.Responses["OK"].Error != nil {
			t.Errorf("OK: %v", resp.Responses["OK"].Error)
		}
	})

	t.Run("invalid settings stop every query with the config page's message", func(t *testing.T) {
		runner := &recordingRunner{}
		ds := newTestDatasource(t, `{"consumerKey":"k","orgHandle":"demo org","orgUuid":"`+testOrg+`"}`, testSecret, runner)
		resp := queryData(t, ds, backend.DataQuery{RefID: "A", JSON: []byte(`{}`)})
		if got := resp.Responses["A"].Error.Error(); got != "The data source settings need fixing: Organization handle must not contain spaces." {
			t.Errorf("%q", got)
		}
		if len(runner.queries) != 0 {
			t.Error("the runner ran")
		}
	})

	t.Run("a runner panic becomes that query's error", func(t *testing.T) {
		f := newFakeChoreo(t)
		runner := &recordingRunner{answer: func(q Query) backend.DataResponse {
			if q.RefID == "P" {
				panic("boom")
			}
			return backend.DataResponse{}
		}}
		ds := newTestDatasource(t, f.jsonData(), testSecret, runner)
		resp := queryData(t, ds, backend.DataQuery{RefID: "P", JSON: []byte(`{}`)}, backend.DataQuery{RefID: "Q", JSON: []byte(`{}`)})
		mustContain(t, resp.Responses["P"].Error.Error(), "The plugin backend failed on this query")
		if resp.Responses["Q"].Error != nil {
			t.Error(resp.Responses["Q"].Error)
		}
	})

	t.Run("many queries, each answered", func(t *testing.T) {
		f := newFakeChoreo(t)
		ds := newTestDatasource(t, f.jsonData(), testSecret, &recordingRunner{})
		var qs []backend.DataQuery
		for _, ref := range strings.Split("ABCDEFGHIJ", "") {
			qs = append(qs, backend.DataQuery{RefID: ref, JSON: []byte(`{}`)})
		}
		if resp := queryData(t, ds, qs...); len(resp.Responses) != 10 {
			t.Errorf("%d responses", len(resp.Responses))
		}
	})
}

func TestErrorResponseStatuses(t *testing.T) {
	cases := map[ErrorKind]backend.Status{
		KindToken: backend.StatusUnauthorized, KindRateLimited: backend.StatusTooManyRequests,
		KindTimeout: backend.StatusTimeout, KindUnreachable: backend.StatusBadGateway, KindGraphQL: backend.StatusBadRequest,
	}
	for kind, status := range cases {
		r := ErrorResponse(&InsightsError{Kind: kind, Message: "m"})
		if r.Status != status || r.ErrorSource != backend.ErrorSourceDownstream || r.Error.Error() != "m" {
			t.Errorf("%s: %v %v %v", kind, r.Status, r.ErrorSource, r.Error)
		}
	}
	if r := ErrorResponse(context.Canceled); r.Error.Error() != "The request was cancelled." {
		t.Errorf("%v", r.Error)
	}
}
