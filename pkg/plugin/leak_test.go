package plugin

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/backend/log"
	"github.com/grafana/grafana-plugin-sdk-go/data"
	hclog "github.com/hashicorp/go-hclog"

	"github.com/choreo-insights/choreo-insights-datasource/pkg/internal/logbuf"
)

// captureLogger is the SDK's logger (hclog, JSON, as the plugin process writes it for Grafana)
// at trace level, into a buffer.
type captureLogger struct{ l hclog.Logger }

func (c captureLogger) Debug(msg string, args ...any) { c.l.Debug(msg, args...) }
func (c captureLogger) Info(msg string, args ...any)  { c.l.Info(msg, args...) }
func (c captureLogger) Warn(msg string, args ...any)  { c.l.Warn(msg, args...) }
func (c captureLogger) Error(msg string, args ...any) { c.l.Error(msg, args...) }
func (c captureLogger) With(args ...any) log.Logger   { return captureLogger{c.l.With(args...)} }
func (c captureLogger) Level() log.Level              { return log.Debug }
func (c captureLogger) FromContext(ctx context.Context) log.Logger {
	return c.With(log.ContextualAttributesFromContext(ctx)...)
}

// executingRunner stands for the catalog interpreter: it runs one request and shapes a frame
// with the partial-result warnings as notices, or returns the client's error.
type executingRunner struct{}

func (executingRunner) Run(ctx context.Context, env QueryEnv, q Query) backend.DataResponse {
	result, err := env.Client.Execute(ctx, GraphQLRequest{Query: "{ getTotalTraffic }", OperationName: q.RefID})
	if err != nil {
		return ErrorResponse(err)
	}
	frame := data.NewFrame(q.RefID, data.NewField("raw", nil, []string{string(result.Data)}))
	for _, w := range result.Warnings() {
		frame.AppendNotices(data.Notice{Severity: data.NoticeSeverityWarning, Text: w})
	}
	return backend.DataResponse{Frames: data.Frames{frame}}
}

func TestNoSecretOrTokenInLogsMessagesOrFrames(t *testing.T) {
	logs := &logbuf.Buffer{}
	previous := log.DefaultLogger
	log.DefaultLogger = captureLogger{hclog.New(&hclog.LoggerOptions{Level: hclog.Trace, JSONFormat: true, Output: logs})}
	defer func() { log.DefaultLogger = previous }()

	f := newFakeChoreo(t)
	// A hostile STS and gateway: they echo what they were sent into every answer.
	f.token = func(w http.ResponseWriter, r *http.Request, n int) {
		if n == 1 {
			writeJSON(w, 401, map[string]string{"error": "invalid_client",
				"error_description": "client_secret " + r.PostForm.Get("client_secret") + " is wrong; body was " + r.PostForm.Encode()})
			return
		}
		writeJSON(w, 200, map[string]any{"access_token": fmt.Sprintf("hostile-token-%03d-xyz", n), "expires_in": 900})
	}
	f.api = func(w http.ResponseWriter, r *http.Request, n int) {
		auth := r.Header.Get("Authorization")
		switch {
		case n == 1: // health check: refuse, quoting the token
			writeText(w, 403, "application/json", `{"message":"token `+strings.TrimPrefix(auth, "Bearer ")+` lacks scope","headers":{"Authorization":"`+auth+`"}}`)
		case strings.Contains(auth, "-002-"): // queries: partial data with an error quoting the header
			writeText(w, 200, "application/json", `{"data":{"getTotalTraffic":42},"errors":[{"message":"slow: `+auth+`"}]}`)
		default:
			writeText(w, 500, "text/plain", "upstream saw "+auth+" and secret "+testSecret)
		}
	}
	ds := newTestDatasource(t, f.jsonData(), testSecret, executingRunner{})

	var outputs []string
	for i := 0; i < 2; i++ { // STS refusal, then the API's 403
		r := health(t, ds)
		outputs = append(outputs, r.Message, string(r.JSONDetails))
	}
	resp := queryData(t, ds, backend.DataQuery{RefID: "A", JSON: []byte(`{"queryType":"overviewKpi"}`)})
	ds.client.tokens.Invalidate(ds.client.tokens.cached()) // next query: a new token, the 500
	resp2 := queryData(t, ds, backend.DataQuery{RefID: "B", JSON: []byte(`{"queryType":"overviewKpi"}`)})
	for _, r := range []*backend.QueryDataResponse{resp, resp2} {
		raw, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		outputs = append(outputs, string(raw))
	}

	// The hostile answers did reach every path, so the test would see a leak.
	all := strings.Join(outputs, "\n")
	mustContain(t, all, "refused the consumer key and secret", "Access denied (HTTP 403)", "slow: Bearer [redacted]", "The Insights API failed (HTTP 500)")
	if f.tokenCalls.Load() < 3 {
		t.Fatalf("only %d tokens were issued", f.tokenCalls.Load())
	}
	if !strings.Contains(logs.String(), "Choreo's token endpoint refused the request") {
		t.Fatalf("the captured log is not the plugin's: %s", logs.String())
	}

	secrets := []string{testSecret}
	for n := 2; n <= int(f.tokenCalls.Load()); n++ {
		secrets = append(secrets, fmt.Sprintf("hostile-token-%03d-xyz", n))
	}
	for _, secret := range secrets {
		if strings.Contains(all, secret) {
			t.Errorf("an error message or frame holds %q:\n%s", secret, all)
		}
		if strings.Contains(logs.String(), secret) {
			t.Errorf("the log holds %q:\n%s", secret, logs.String())
		}
	}
}
