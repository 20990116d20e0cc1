package plugin

import (
	"context"
	"net/http"
	"strconv"
	"sync"
	"testing"
	"time"
)

func newTestTokenSource(f *fakeChoreo, now *time.Time) *tokenSource {
	ts := newTokenSource(&http.Client{Timeout: 10 * time.Second}, f.settings())
	if now != nil {
		ts.now = func() time.Time { return *now }
	}
	return ts
}

func TestTokenRequestIsTheRoutesFormPost(t *testing.T) {
	f := newFakeChoreo(t)
	tok, err := newTestTokenSource(f, nil).Token(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if tok != "token-001-abcdef" {
		t.Fatalf("token %q", tok)
	}
	form, hdr := f.tokenForm[0], f.tokenHdrs[0]
	want := map[string]string{
		"grant_type": "client_credentials", "client_id": "choreo-demo-key", "client_secret": testSecret,
		"orgHandle": "demo-org", "scope": "apim:api_manage",
	}
	if len(form) != len(want) {
		t.Errorf("form has %d fields, want exactly %d: %v", len(form), len(want), form)
	}
	for k, v := range want {
		if form.Get(k) != v {
			t.Errorf("form %s = %q, want %q", k, form.Get(k), v)
		}
	}
	if ct := hdr.Get("Content-Type"); ct != "application/x-www-form-urlencoded" {
		t.Errorf("Content-Type %q", ct)
	}
	if auth := hdr.Get("Authorization"); auth != "" {
		t.Errorf("the route sends no Authorization header (client_secret_post), got %q", auth)
	}
}

func TestTokenIsCachedUntilTenSecondsBeforeExpiry(t *testing.T) {
	f := newFakeChoreo(t)
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	ts := newTestTokenSource(f, &now)
	ctx := context.Background()
	first, _ := ts.Token(ctx)
	now = now.Add(889 * time.Second) // 11 s left of 900
	if again, _ := ts.Token(ctx); again != first || f.tokenCalls.Load() != 1 {
		t.Fatalf("token refetched with 11 s left (calls %d)", f.tokenCalls.Load())
	}
	now = now.Add(2 * time.Second) // 9 s left
	if next, _ := ts.Token(ctx); next == first || f.tokenCalls.Load() != 2 {
		t.Fatalf("token reused with 9 s left (calls %d)", f.tokenCalls.Load())
	}
}

func TestTokenExpiryForms(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	cases := []struct {
		name       string
		answer     string
		cached     bool
		validUntil time.Time // expected expiry when cached
	}{
		{"number", `{"access_token":"tok-aaaaaa","expires_in":900}`, true, now.Add(900 * time.Second)},
		{"numeric string", `{"access_token":"tok-aaaaaa","expires_in":"900"}`, true, now.Add(900 * time.Second)},
		{"WSO2 never-expiring (int64 max)", `{"access_token":"tok-aaaaaa","expires_in":9223372036854775807}`, true, now.Add(maxTokenLifetime)},
		{"1e20", `{"access_token":"tok-aaaaaa","expires_in":1e20}`, true, now.Add(maxTokenLifetime)},
		{"1e400 string", `{"access_token":"tok-aaaaaa","expires_in":"1e400"}`, true, now.Add(maxTokenLifetime)},
		{"expires_on wins", `{"access_token":"tok-aaaaaa","expires_in":5,"expires_on":"` + strconv.FormatInt(now.Unix()+600, 10) + `"}`, true, now.Add(600 * time.Second)},
		{"no expiry: not cached", `{"access_token":"tok-aaaaaa"}`, false, time.Time{}},
		{"text expiry: not cached", `{"access_token":"tok-aaaaaa","expires_in":"soon"}`, false, time.Time{}},
		{"NaN text: not cached", `{"access_token":"tok-aaaaaa","expires_in":"NaN"}`, false, time.Time{}},
		{"already expired", `{"access_token":"tok-aaaaaa","expires_in":5}`, false, time.Time{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFakeChoreo(t)
			f.token = func(w http.ResponseWriter, _ *http.Request, _ int) { writeText(w, 200, "application/json", c.answer) }
			clock := now
			ts := newTestTokenSource(f, &clock)
			for i := 0; i < 3; i++ {
				if tok, err := ts.Token(context.Background()); err != nil || tok != "tok-aaaaaa" {
					t.Fatalf("Token() = %q, %v", tok, err)
				}
			}
			wantCalls := int32(1)
			if !c.cached {
				wantCalls = 3
			}
			if got := f.tokenCalls.Load(); got != wantCalls {
				t.Errorf("token requests %d, want %d", got, wantCalls)
			}
			if c.cached && !ts.expiry.Equal(c.validUntil) {
				t.Errorf("expiry %v, want %v", ts.expiry, c.validUntil)
			}
		})
	}
}

func TestConcurrentCallersShareOneTokenRequest(t *testing.T) {
	f := newFakeChoreo(t)
	release := make(chan struct{})
	f.token = func(w http.ResponseWriter, _ *http.Request, n int) {
		<-release
		writeJSON(w, 200, map[string]any{"access_token": "shared-token-" + strconv.Itoa(n), "expires_in": 900})
	}
	ts := newTestTokenSource(f, nil)
	const callers = 50
	var wg sync.WaitGroup
	tokens := make([]string, callers)
	errs := make([]error, callers)
	for i := 0; i < callers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tokens[i], errs[i] = ts.Token(context.Background())
		}()
	}
	time.Sleep(100 * time.Millisecond) // let every caller queue behind the one request
	close(release)
	wg.Wait()
	if got := f.tokenCalls.Load(); got != 1 {
		t.Fatalf("%d callers made %d token requests, want 1", callers, got)
	}
	for i := range tokens {
		if errs[i] != nil || tokens[i] != "shared-token-1" {
			t.Fatalf("caller %d got %q, %v", i, tokens[i], errs[i])
		}
	}
}

func TestCallerStopsWaitingForTheTokenWhenItsContextEnds(t *testing.T) {
	f := newFakeChoreo(t)
	release := make(chan struct{})
	defer close(release)
	f.token = func(w http.ResponseWriter, _ *http.Request, _ int) {
		<-release
		writeJSON(w, 200, map[string]any{"access_token": "late-token", "expires_in": 900})
	}
	ts := newTestTokenSource(f, nil)
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	started := time.Now()
	_, err := ts.Token(ctx)
	if err == nil || time.Since(started) > 2*time.Second {
		t.Fatalf("Token() = %v after %v, want the context's error promptly", err, time.Since(started))
	}
}

func TestTokenEndpointErrorsNameTheSettingToFix(t *testing.T) {
	cases := []struct {
		name   string
		answer func(w http.ResponseWriter)
		wants  []string
	}{
		{
			"invalid_client",
			func(w http.ResponseWriter) {
				writeJSON(w, 401, map[string]string{"error": "invalid_client",
					"error_description": "A valid OAuth client could not be found for client_id: choreo-demo-key in organization: demo-org"})
			},
			[]string{
				"Choreo's token endpoint refused the consumer key and secret: invalid_client (A valid OAuth client could not be found for client_id: choreo-demo-key in organization: demo-org).",
				`Check "Consumer key", "Consumer secret" and "Organization handle"`,
			},
		},
		{
			"error JSON with HTTP 200",
			func(w http.ResponseWriter) { writeJSON(w, 200, map[string]string{"error": "invalid_client"}) },
			[]string{"refused the consumer key and secret: invalid_client."},
		},
		{
			"invalid_scope",
			func(w http.ResponseWriter) {
				writeJSON(w, 400, map[string]string{"error": "invalid_scope", "error_description": "scope must include apim:api_manage"})
			},
			[]string{"refused the scope: invalid_scope (scope must include apim:api_manage)", `Check "Scope"`},
		},
		{
			"unsupported_grant_type",
			func(w http.ResponseWriter) { writeJSON(w, 400, map[string]string{"error": "unsupported_grant_type"}) },
			[]string{"refused the token request: unsupported_grant_type.", `Check "Token URL"`},
		},
		{
			"HTML page",
			func(w http.ResponseWriter) {
				writeText(w, 404, "text/html", "<!DOCTYPE html><html><head><title>Page not found</title></head><body>…</body></html>")
			},
			[]string{`answered HTTP 404 with an HTML page titled "Page not found" instead of a token.`, `Check "Token URL"`},
		},
		{
			"401 without OAuth2 error",
			func(w http.ResponseWriter) { writeText(w, 401, "text/plain", "Unauthorized") },
			[]string{"refused the consumer key and secret (HTTP 401).", "Response: Unauthorized"},
		},
		{
			"200 without a token",
			func(w http.ResponseWriter) { writeJSON(w, 200, map[string]string{"token_type": "Bearer"}) },
			[]string{"answered HTTP 200 without an access token.", `Check "Token URL"`},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFakeChoreo(t)
			f.token = func(w http.ResponseWriter, _ *http.Request, _ int) { c.answer(w) }
			_, err := newTestTokenSource(f, nil).Token(context.Background())
			mustContain(t, errMessage(t, err), c.wants...)
			if AsInsightsError(err).Kind != KindToken {
				t.Errorf("kind %s", AsInsightsError(err).Kind)
			}
		})
	}
}

func TestUnreachableTokenEndpoint(t *testing.T) {
	f := newFakeChoreo(t)
	s := f.settings()
	s.TokenURL = "http://127.0.0.1:1/oauth2/token"
	_, err := newTokenSource(&http.Client{Timeout: 5 * time.Second}, s).Token(context.Background())
	mustContain(t, errMessage(t, err), "Grafana's server could not reach Choreo's token endpoint at http://127.0.0.1:1/oauth2/token:", `Check "Token URL"`)
}

func TestSlowTokenEndpointTimesOut(t *testing.T) {
	f := newFakeChoreo(t)
	release := make(chan struct{})
	defer close(release)
	f.token = func(w http.ResponseWriter, r *http.Request, _ int) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}
	ts := newTestTokenSource(f, nil)
	ts.timeout = 300 * time.Millisecond
	started := time.Now()
	_, err := ts.Token(context.Background())
	mustContain(t, errMessage(t, err), "Choreo's token endpoint at "+f.srv.URL+"/oauth2/token did not answer within 0.3 s.")
	if time.Since(started) > 3*time.Second {
		t.Errorf("took %v", time.Since(started))
	}
}
