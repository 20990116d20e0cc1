package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"sync"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/genproto/pluginv2"
)

// Alert evaluations under load, as Grafana's scheduler makes them: many rules evaluated at once,
// each its own QueryData call, against the emulator with its control endpoints.

// emulatorStats is GET /__emulator/stats (emulator/stats.ts).
type emulatorStats struct {
	TokenRequests    int `json:"tokenRequests"`
	GraphqlRequests  int `json:"graphqlRequests"`
	RejectedAuth     int `json:"rejectedAuth"`
	FaultedResponses int `json:"faultedResponses"`
}

func emulatorControl(t *testing.T, ctx context.Context, emulatorURL, method, path string, body any) []byte {
	t.Helper()
	var reader *bytes.Reader
	if body != nil {
		raw, err := json.Marshal(body)
		if err != nil {
			t.Fatal(err)
		}
		reader = bytes.NewReader(raw)
	} else {
		reader = bytes.NewReader(nil)
	}
	req, err := http.NewRequestWithContext(ctx, method, emulatorURL+path, reader)
	if err != nil {
		t.Fatal(err)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(res.Body); err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != http.StatusOK {
		t.Fatalf("%s %s: %d %s", method, path, res.StatusCode, buf.String())
	}
	return buf.Bytes()
}

func readStats(t *testing.T, ctx context.Context, emulatorURL string) emulatorStats {
	t.Helper()
	var s emulatorStats
	if err := json.Unmarshal(emulatorControl(t, ctx, emulatorURL, http.MethodGet, "/__emulator/stats", nil), &s); err != nil {
		t.Fatal(err)
	}
	return s
}

// evaluation is one rule evaluation's answers: refId → error ("" when it has frames).
type evaluation map[string]string

// evaluateConcurrently runs n evaluations of the rule at once, each its own QueryData call.
func evaluateConcurrently(t *testing.T, ctx context.Context, data pluginv2.DataClient, rule panelCase, pc *pluginv2.PluginContext, n int) []evaluation {
	t.Helper()
	out := make([]evaluation, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := data.QueryData(ctx, rule.request(pc))
			if err != nil {
				errs[i] = err
				return
			}
			ev := evaluation{}
			for _, q := range rule.Queries {
				r := res.Responses[q.RefID]
				switch {
				case r == nil:
					ev[q.RefID] = "no response"
				case r.Error != "":
					ev[q.RefID] = r.Error
				case len(r.Frames) == 0:
					ev[q.RefID] = "no frames"
				default:
					ev[q.RefID] = ""
				}
			}
			out[i] = ev
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatalf("QueryData: %v", err)
		}
	}
	return out
}

// failures counts the failed queries of the evaluations, by message.
func failures(evs []evaluation) map[string]int {
	out := map[string]int{}
	for _, ev := range evs {
		for _, msg := range ev {
			if msg != "" {
				out[msg]++
			}
		}
	}
	return out
}

func testAlertLoad(t *testing.T, ctx context.Context, data pluginv2.DataClient, emulatorURL string, rule panelCase, fresh func() *pluginv2.PluginContext) {
	const evaluations = 100
	queries := evaluations * len(rule.Queries)

	t.Run("100 concurrent evaluations of the rule on a new instance: one token fetch", func(t *testing.T) {
		pc := fresh()
		emulatorControl(t, ctx, emulatorURL, http.MethodPost, "/__emulator/reset", nil)
		evs := evaluateConcurrently(t, ctx, data, rule, pc, evaluations)
		if f := failures(evs); len(f) != 0 {
			t.Errorf("failed queries: %v", f)
		}
		s := readStats(t, ctx, emulatorURL)
		if s.TokenRequests != 1 || s.GraphqlRequests != queries {
			t.Errorf("token requests %d (want 1), API requests %d (want %d)", s.TokenRequests, s.GraphqlRequests, queries)
		}
	})

	t.Run("5 % of API requests fail: exactly those queries fail, each with the API's message", func(t *testing.T) {
		pc := fresh()
		// Warm the token first, so the faults hit only query requests.
		evaluateConcurrently(t, ctx, data, rule, pc, 1)
		emulatorControl(t, ctx, emulatorURL, http.MethodPost, "/__emulator/reset", nil)
		emulatorControl(t, ctx, emulatorURL, http.MethodPost, "/__emulator/faults",
			map[string]any{"status": 500, "failureRate": 0.05, "seed": 14, "onlyPath": "/93tu/insights"})
		defer emulatorControl(t, ctx, emulatorURL, http.MethodDelete, "/__emulator/faults", nil)
		evs := evaluateConcurrently(t, ctx, data, rule, pc, evaluations)
		s := readStats(t, ctx, emulatorURL)
		f := failures(evs)
		failed := 0
		for msg, n := range f {
			failed += n
			if msg != "The Insights API failed (HTTP 500). Response: Runtime Error" {
				t.Errorf("%d queries failed with %q", n, msg)
			}
		}
		if s.FaultedResponses == 0 || failed != s.FaultedResponses || s.GraphqlRequests != queries {
			t.Errorf("%d queries failed, the emulator faulted %d of %d requests (want %d): %v", failed, s.FaultedResponses, s.GraphqlRequests, queries, f)
		}
		t.Logf("%d of %d queries failed, with: %v", failed, queries, f)
	})

	t.Run("every token revoked: one refresh, every evaluation still answers", func(t *testing.T) {
		pc := fresh()
		evaluateConcurrently(t, ctx, data, rule, pc, 1)
		emulatorControl(t, ctx, emulatorURL, http.MethodPost, "/__emulator/revoke-all", nil)
		emulatorControl(t, ctx, emulatorURL, http.MethodPost, "/__emulator/reset", nil)
		evs := evaluateConcurrently(t, ctx, data, rule, pc, 20)
		if f := failures(evs); len(f) != 0 {
			t.Errorf("failed queries: %v", f)
		}
		s := readStats(t, ctx, emulatorURL)
		if s.TokenRequests != 1 || s.RejectedAuth == 0 || s.GraphqlRequests != 20*len(rule.Queries)+s.RejectedAuth {
			t.Errorf("token requests %d (want 1), refused %d, API requests %d", s.TokenRequests, s.RejectedAuth, s.GraphqlRequests)
		}
	})
}
