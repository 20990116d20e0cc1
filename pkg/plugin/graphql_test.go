package plugin

import (
	"context"
	"errors"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
)

var listEnvironments = GraphQLRequest{
	Query:         "query ListEnvironments($org: OrgFilter!) { listEnvironments(org: $org) { id name } }",
	Variables:     map[string]any{"org": map[string]any{"orgId": testOrg}},
	OperationName: "ListEnvironments",
}

func TestExecutePostsGraphQLWithTheBearerToken(t *testing.T) {
	f := newFakeChoreo(t)
	c, _ := f.client()
	result, err := c.Execute(context.Background(), listEnvironments)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(result.Data), `"Production"`) || len(result.Errors) != 0 {
		t.Errorf("result %s %v", result.Data, result.Errors)
	}
	want := map[string]any{
		"query":         listEnvironments.Query,
		"variables":     map[string]any{"org": map[string]any{"orgId": testOrg}},
		"operationName": "ListEnvironments",
	}
	if !reflect.DeepEqual(f.apiBodies[0], want) {
		t.Errorf("body %v, want %v", f.apiBodies[0], want)
	}
	if f.apiAuth[0] != "Bearer token-001-abcdef" {
		t.Errorf("Authorization %q", f.apiAuth[0])
	}
	// The token is reused for the next request.
	if _, err := c.Execute(context.Background(), listEnvironments); err != nil || f.tokenCalls.Load() != 1 {
		t.Errorf("second request: %v, token requests %d", err, f.tokenCalls.Load())
	}
}

func TestA401DropsTheTokenAndRetriesOnceWithANewOne(t *testing.T) {
	f := newFakeChoreo(t)
	f.api = func(w http.ResponseWriter, r *http.Request, _ int) {
		if r.Header.Get("Authorization") == "Bearer token-001-abcdef" { // revoked at the STS
			writeJSON(w, 401, map[string]string{"code": "900901", "message": "Invalid Credentials"})
			return
		}
		writeJSON(w, 200, environmentsAnswer("Production"))
	}
	c, _ := f.client()
	if _, err := c.Execute(context.Background(), listEnvironments); err != nil {
		t.Fatal(err)
	}
	if f.tokenCalls.Load() != 2 || f.apiCalls.Load() != 2 {
		t.Errorf("token requests %d, API requests %d; want 2 and 2", f.tokenCalls.Load(), f.apiCalls.Load())
	}
	if f.apiAuth[1] != "Bearer token-002-abcdef" {
		t.Errorf("retry sent %q", f.apiAuth[1])
	}
}

func TestA401ThatANewTokenDoesNotFixSaysToCheckTheCredentials(t *testing.T) {
	f := newFakeChoreo(t)
	f.api = func(w http.ResponseWriter, _ *http.Request, _ int) {
		writeJSON(w, 401, map[string]string{"code": "900901", "message": "Invalid Credentials"})
	}
	c, _ := f.client()
	_, err := c.Execute(context.Background(), listEnvironments)
	if errMessage(t, err) != AuthFailedMessage {
		t.Errorf("message %q", err)
	}
	mustContain(t, err.Error(), "Check the consumer key, consumer secret and organization handle")
	if f.apiCalls.Load() != 2 || f.tokenCalls.Load() != 2 {
		t.Errorf("API requests %d, token requests %d; want exactly one retry with one new token", f.apiCalls.Load(), f.tokenCalls.Load())
	}
}

func wso2Text(at time.Time) string {
	return at.UTC().Format("2006-Jan-02 15:04:05") + "+0000 UTC"
}

func TestThrottlingIsRetriedHonouringNextAccessTime(t *testing.T) {
	now := time.Now()
	cases := []struct {
		name     string
		status   int
		header   map[string]string
		body     string
		wantWait time.Duration
	}{
		{"flat WSO2 text", 429, nil, `{"code":"900800","message":"Message throttled out","nextAccessTime":"` + wso2Text(now.Add(3*time.Second)) + `"}`, 3 * time.Second},
		{"wrapped in fault, epoch ms", 429, nil, `{"fault":{"code":900800,"message":"Message throttled out","nextAccessTime":` + strconv.FormatInt(now.Add(2*time.Second).UnixMilli(), 10) + `}}`, 2 * time.Second},
		{"epoch ms as text", 429, nil, `{"nextAccessTime":"` + strconv.FormatInt(now.Add(4*time.Second).UnixMilli(), 10) + `"}`, 4 * time.Second},
		{"Retry-After header wins", 429, map[string]string{"Retry-After": "5"}, `{"nextAccessTime":"` + wso2Text(now.Add(2*time.Second)) + `"}`, 5 * time.Second},
		{"no wait named: 1 s", 429, nil, `{"message":"slow down"}`, time.Second},
		{"503 HTML", 503, nil, "<html><head><title>503 Service Unavailable</title></head></html>", time.Second},
		{"past nextAccessTime: minimum wait", 429, nil, `{"nextAccessTime":"` + wso2Text(now.Add(-time.Hour)) + `"}`, DefaultRetryPolicy.MinDelay},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFakeChoreo(t)
			f.api = func(w http.ResponseWriter, _ *http.Request, n int) {
				if n == 1 {
					for k, v := range c.header {
						w.Header().Set(k, v)
					}
					writeText(w, c.status, "application/json", c.body)
					return
				}
				writeJSON(w, 200, environmentsAnswer("Production"))
			}
			cl, slept := f.client()
			if _, err := cl.Execute(context.Background(), listEnvironments); err != nil {
				t.Fatal(err)
			}
			if len(slept.waits) != 1 {
				t.Fatalf("waits %v", slept.waits)
			}
			if d := slept.waits[0] - c.wantWait; d < -time.Second || d > time.Second {
				t.Errorf("waited %v, want about %v", slept.waits[0], c.wantWait)
			}
		})
	}
}

func TestThrottlingRetriesAtMostTwiceWithinTenSeconds(t *testing.T) {
	t.Run("always throttled: three requests, then the message", func(t *testing.T) {
		f := newFakeChoreo(t)
		f.api = func(w http.ResponseWriter, _ *http.Request, _ int) {
			w.Header().Set("Retry-After", "2")
			writeJSON(w, 429, map[string]string{"message": "Message throttled out"})
		}
		c, slept := f.client()
		_, err := c.Execute(context.Background(), listEnvironments)
		if got := errMessage(t, err); got != "The Insights API is rate limiting requests (HTTP 429). Retry after 2 s." {
			t.Errorf("message %q", got)
		}
		if f.apiCalls.Load() != 3 || !reflect.DeepEqual(slept.waits, []time.Duration{2 * time.Second, 2 * time.Second}) {
			t.Errorf("requests %d, waits %v", f.apiCalls.Load(), slept.waits)
		}
	})
	t.Run("a wait that breaks the budget is not taken", func(t *testing.T) {
		f := newFakeChoreo(t)
		f.api = func(w http.ResponseWriter, _ *http.Request, _ int) {
			w.Header().Set("Retry-After", "6")
			writeJSON(w, 429, map[string]string{"message": "Message throttled out"})
		}
		c, slept := f.client()
		_, err := c.Execute(context.Background(), listEnvironments)
		mustContain(t, errMessage(t, err), "Retry after 6 s.")
		if f.apiCalls.Load() != 2 || !reflect.DeepEqual(slept.waits, []time.Duration{6 * time.Second}) {
			t.Errorf("requests %d, waits %v: 6 + 6 s would pass the 10 s budget", f.apiCalls.Load(), slept.waits)
		}
	})
	t.Run("an absurd nextAccessTime is capped and not waited for", func(t *testing.T) {
		f := newFakeChoreo(t)
		f.api = func(w http.ResponseWriter, _ *http.Request, _ int) {
			writeText(w, 429, "application/json", `{"fault":{"message":"Message throttled out","nextAccessTime":"9999-Dec-31 23:59:59+0000 UTC"}}`)
		}
		c, slept := f.client()
		_, err := c.Execute(context.Background(), listEnvironments)
		if got := errMessage(t, err); got != "The Insights API is rate limiting requests (HTTP 429). Retry after 86400 s." {
			t.Errorf("message %q", got)
		}
		if f.apiCalls.Load() != 1 || len(slept.waits) != 0 {
			t.Errorf("requests %d, waits %v", f.apiCalls.Load(), slept.waits)
		}
	})
	t.Run("a huge epoch does not overflow", func(t *testing.T) {
		f := newFakeChoreo(t)
		f.api = func(w http.ResponseWriter, _ *http.Request, _ int) {
			writeText(w, 429, "application/json", `{"nextAccessTime":1e300}`)
		}
		c, _ := f.client()
		_, err := c.Execute(context.Background(), listEnvironments)
		mustContain(t, errMessage(t, err), "Retry after 86400 s.")
	})
	t.Run("other failures are not retried", func(t *testing.T) {
		f := newFakeChoreo(t)
		f.api = func(w http.ResponseWriter, _ *http.Request, _ int) {
			writeJSON(w, 500, map[string]string{"message": "Runtime Error"})
		}
		c, slept := f.client()
		_, err := c.Execute(context.Background(), listEnvironments)
		if got := errMessage(t, err); got != "The Insights API failed (HTTP 500). Response: Runtime Error" {
			t.Errorf("message %q", got)
		}
		if f.apiCalls.Load() != 1 || len(slept.waits) != 0 {
			t.Errorf("requests %d, waits %v", f.apiCalls.Load(), slept.waits)
		}
	})
}

func TestHTTPFailuresBecomeTheFrontendsMessages(t *testing.T) {
	apiURL := "" // filled per server
	cases := []struct {
		name        string
		status      int
		contentType string
		body        string
		want        func() string
	}{
		{"400 with GraphQL errors", 400, "application/json",
			`{"errors":[{"message":"Invalid granularity '1w'. Supported values: 1m, 15m, 1h, 1d, 7d"}],"data":null}`,
			func() string {
				return "The Insights API rejected the request (HTTP 400). Response: Invalid granularity '1w'. Supported values: 1m, 15m, 1h, 1d, 7d"
			}},
		{"403", 403, "application/json", `{"code":"900910","message":"The access token does not allow you to access the requested resource"}`,
			func() string {
				return "Access denied (HTTP 403). The token may lack the apim:api_manage scope, or the Choreo application may not be subscribed to the Insights API. Response: The access token does not allow you to access the requested resource"
			}},
		{"404", 404, "text/html", "<html><body>Not Found</body></html>",
			func() string {
				return "The Insights API was not found (HTTP 404) at " + apiURL + `. Check "Insights API URL" in the data source's Advanced settings.`
			}},
		{"502 HTML", 502, "text/html", "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>",
			func() string {
				return "A gateway in front of the Insights API at " + apiURL + ` answered HTTP 502 Bad Gateway: the API is failing behind it. Try again later. Response: an HTML page titled "502 Bad Gateway"`
			}},
		{"504", 504, "", "",
			func() string {
				return "The Insights API at " + apiURL + " did not answer in time (HTTP 504 Gateway Timeout). Try a shorter time range or try again later."
			}},
		{"500 plain text, long", 500, "text/plain", strings.Repeat("boom ", 60),
			func() string {
				// Cut at 200 characters as excerpt() in httpErrors.ts cuts, trailing space included.
				return "The Insights API failed (HTTP 500). Response: " + strings.Repeat("boom ", 40) + "…"
			}},
		{"418 empty", 418, "", "", func() string { return "The Insights API answered HTTP 418." }},
		{"200 empty body", 200, "application/json", "  ",
			func() string {
				return `The Insights API answered with an empty body. Check "Insights API URL" (` + apiURL + ")."
			}},
		{"200 HTML", 200, "text/html", "<!doctype html><html><title>Choreo</title></html>",
			func() string {
				return `The Insights API answered with an HTML page instead of JSON. Check "Insights API URL" (` + apiURL + "): it must be the GraphQL endpoint."
			}},
		{"200 plain text", 200, "text/plain", "Hello from another service",
			func() string {
				return `The Insights API answered with text instead of JSON: "Hello from another service". Check "Insights API URL" (` + apiURL + ")."
			}},
		{"200 truncated JSON", 200, "application/json", `{"data":{"get`,
			func() string { return "The Insights API answered with invalid JSON (13 bytes, possibly truncated)." }},
		{"200 JSON array", 200, "application/json", `[1,2]`,
			func() string { return "The Insights API answered with something that is not a GraphQL response." }},
		{"200 errors without data", 200, "application/json",
			`{"errors":[{"message":"Access denied for organization x","path":["listEnvironments",0]},{"message":"second"}],"data":null}`,
			func() string {
				return "Insights API error: Access denied for organization x (at listEnvironments.0); second"
			}},
		{"200 neither data nor errors", 200, "application/json", `{}`,
			func() string { return "The Insights API answered without data or errors." }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFakeChoreo(t)
			apiURL = f.srv.URL + "/query-api"
			f.api = func(w http.ResponseWriter, _ *http.Request, _ int) { writeText(w, c.status, c.contentType, c.body) }
			cl, _ := f.client()
			_, err := cl.Execute(context.Background(), listEnvironments)
			if got := errMessage(t, err); got != c.want() {
				t.Errorf("\n got: %s\nwant: %s", got, c.want())
			}
		})
	}
}

func TestPartialDataKeepsTheDataAndTheErrorsAsWarnings(t *testing.T) {
	f := newFakeChoreo(t)
	f.api = func(w http.ResponseWriter, _ *http.Request, _ int) {
		writeText(w, 200, "application/json",
			`{"data":{"listEnvironments":[{"id":"e1","name":"Production"}],"getLatency":null},"errors":[{"message":"timeout","path":["getLatency"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}]}`)
	}
	c, _ := f.client()
	result, err := c.Execute(context.Background(), listEnvironments)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(result.Data), "Production") {
		t.Errorf("data %s", result.Data)
	}
	if got := result.Warnings(); !reflect.DeepEqual(got, []string{"Insights API error: timeout (at getLatency)"}) {
		t.Errorf("warnings %q", got)
	}
	if result.Errors[0].Extensions["code"] != "INTERNAL_SERVER_ERROR" {
		t.Errorf("extensions %v", result.Errors[0].Extensions)
	}
}

func TestCancellingTheContextStopsTheUpstreamRequest(t *testing.T) {
	f := newFakeChoreo(t)
	arrived := make(chan struct{})
	closed := make(chan struct{})
	f.api = func(w http.ResponseWriter, r *http.Request, _ int) {
		close(arrived)
		select {
		case <-r.Context().Done(): // the client went away
			close(closed)
		case <-time.After(20 * time.Second):
			writeJSON(w, 200, environmentsAnswer("too late"))
		}
	}
	c, _ := f.client()
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-arrived
		cancel()
	}()
	started := time.Now()
	_, err := c.Execute(ctx, listEnvironments)
	elapsed := time.Since(started)
	if !errors.Is(err, context.Canceled) || AsInsightsError(err).Kind != KindCancelled {
		t.Fatalf("err %v", err)
	}
	if elapsed > 2*time.Second {
		t.Errorf("Execute returned after %v", elapsed)
	}
	select {
	case <-closed:
	case <-time.After(3 * time.Second):
		t.Fatal("the upstream server never saw the request go away")
	}
}

func TestSlowUpstreamTimesOut(t *testing.T) {
	f := newFakeChoreo(t)
	f.api = func(w http.ResponseWriter, r *http.Request, _ int) {
		select {
		case <-r.Context().Done():
		case <-time.After(20 * time.Second):
		}
	}
	c, _ := f.client()
	c.timeout = 300 * time.Millisecond
	started := time.Now()
	_, err := c.Execute(context.Background(), listEnvironments)
	want := "The Insights API at " + f.srv.URL + "/query-api did not answer within 0.3 s. Try a shorter time range or try again later."
	if got := errMessage(t, err); got != want {
		t.Errorf("\n got: %s\nwant: %s", got, want)
	}
	if time.Since(started) > 3*time.Second {
		t.Errorf("took %v", time.Since(started))
	}
}

func TestUnreachableAPI(t *testing.T) {
	f := newFakeChoreo(t)
	s := f.settings()
	s.APIURL = "http://127.0.0.1:1/query-api"
	c := NewClient(&http.Client{Timeout: 5 * time.Second}, s)
	defer c.Close()
	_, err := c.Execute(context.Background(), listEnvironments)
	mustContain(t, errMessage(t, err),
		"Grafana's server could not reach the Insights API at http://127.0.0.1:1/query-api: ", "connection refused",
		`Check "Insights API URL" in the data source's Advanced settings`)
}

func TestQuotedUpstreamTextIsRedacted(t *testing.T) {
	f := newFakeChoreo(t)
	f.api = func(w http.ResponseWriter, r *http.Request, _ int) {
		// A gateway that echoes the request it refused, credentials and all.
		writeText(w, 400, "text/plain", "bad request: Authorization: "+r.Header.Get("Authorization")+
			" client_secret="+testSecret+" other secret "+testSecret+` {"access_token":"token-001-abcdef"}`)
	}
	c, _ := f.client()
	defer c.Close()
	_, err := c.Execute(context.Background(), listEnvironments)
	msg := errMessage(t, err)
	for _, secret := range []string{testSecret, "token-001-abcdef"} {
		if strings.Contains(msg, secret) {
			t.Errorf("message leaks %q: %s", secret, msg)
		}
	}
	mustContain(t, msg, "The Insights API rejected the request (HTTP 400). Response: bad request: Authorization: [redacted]")
}

func TestRedact(t *testing.T) {
	cases := map[string]string{
		"Authorization: Bearer eyJhbGciOi.abc-def_ghi":            "Authorization: [redacted]",
		`{"authorization":"Basic dXNlcjpwYXNz"}`:                  `{"authorization":"[redacted]"}`,
		"sent bearer abc.def.ghi to the API":                      "sent bearer [redacted] to the API",
		"grant_type=client_credentials&client_secret=xyz&scope=a": "grant_type=client_credentials&client_secret=[redacted]&scope=a",
		`{"access_token": "abc", "expires_in": 900}`:              `{"access_token": "[redacted]", "expires_in": 900}`,
		"nothing secret here":                                     "nothing secret here",
	}
	for in, want := range cases {
		if got := redact(in); got != want {
			t.Errorf("redact(%q)\n got: %q\nwant: %q", in, got, want)
		}
	}
}
