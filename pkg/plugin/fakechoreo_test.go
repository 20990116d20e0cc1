package plugin

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeChoreo is an STS and an Insights API on 127.0.0.1 whose answers each test scripts. It
// records what the backend sent.
type fakeChoreo struct {
	srv *httptest.Server

	tokenCalls atomic.Int32
	apiCalls   atomic.Int32

	mu        sync.Mutex
	tokenForm []url.Values
	tokenHdrs []http.Header
	apiBodies []map[string]any
	apiAuth   []string

	// token answers the token endpoint; n counts from 1. Default: a fresh token, 900 s.
	token func(w http.ResponseWriter, r *http.Request, n int)
	// api answers the Insights API; n counts from 1. Default: three environments.
	api func(w http.ResponseWriter, r *http.Request, n int)
}

const (
	testSecret = "s3cr3t-consumer-secret-value"
	testOrg    = "5b0d4e39-1c5a-4d3e-9f11-7a2c8e6b0d42"
)

func newFakeChoreo(t *testing.T) *fakeChoreo {
	t.Helper()
	f := &fakeChoreo{}
	mux := http.NewServeMux()
	mux.HandleFunc("/oauth2/token", func(w http.ResponseWriter, r *http.Request) {
		n := int(f.tokenCalls.Add(1))
		_ = r.ParseForm()
		f.mu.Lock()
		f.tokenForm = append(f.tokenForm, r.PostForm)
		f.tokenHdrs = append(f.tokenHdrs, r.Header.Clone())
		f.mu.Unlock()
		if f.token != nil {
			f.token(w, r, n)
			return
		}
		writeJSON(w, 200, map[string]any{"access_token": fmt.Sprintf("token-%03d-abcdef", n), "token_type": "Bearer", "expires_in": 900})
	})
	mux.HandleFunc("/query-api", func(w http.ResponseWriter, r *http.Request) {
		n := int(f.apiCalls.Add(1))
		var body map[string]any
		raw, _ := io.ReadAll(r.Body)
		_ = json.Unmarshal(raw, &body)
		f.mu.Lock()
		f.apiBodies = append(f.apiBodies, body)
		f.apiAuth = append(f.apiAuth, r.Header.Get("Authorization"))
		f.mu.Unlock()
		if f.api != nil {
			f.api(w, r, n)
			return
		}
		writeJSON(w, 200, environmentsAnswer("Development", "Staging", "Production"))
	})
	f.srv = httptest.NewServer(mux)
	t.Cleanup(f.srv.Close)
	return f
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeText(w http.ResponseWriter, status int, contentType, body string) {
	if contentType != "" {
		w.Header().Set("Content-Type", contentType)
	}
	w.WriteHeader(status)
	_, _ = io.WriteString(w, body)
}

func environmentsAnswer(names ...string) map[string]any {
	envs := make([]map[string]any, len(names))
	for i, n := range names {
		envs[i] = map[string]any{"id": fmt.Sprintf("env-%d", i+1), "name": n, "type": "CHOREO", "externalEnvId": fmt.Sprintf("ext-%d", i+1)}
	}
	return map[string]any{"data": map[string]any{"listEnvironments": envs}}
}

func (f *fakeChoreo) settings() Settings {
	return Settings{
		ResolvedSettings: ResolvedSettings{
			ConsumerKey: "choreo-demo-key", OrgHandle: "demo-org", OrgUUID: testOrg, Tenant: DefaultTenant,
			TokenURL: f.srv.URL + "/oauth2/token", APIURL: f.srv.URL + "/query-api", Scope: DefaultScope,
		},
		ConsumerSecret: testSecret,
	}
}

func (f *fakeChoreo) jsonData() string {
	return fmt.Sprintf(`{"consumerKey":"choreo-demo-key","orgHandle":"demo-org","orgUuid":%q,"tokenUrl":%q,"apiUrl":%q}`,
		testOrg, f.srv.URL+"/oauth2/token", f.srv.URL+"/query-api")
}

// sleeps records the retry waits instead of sleeping.
type sleeps struct {
	mu    sync.Mutex
	waits []time.Duration
}

func (s *sleeps) sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.waits = append(s.waits, d)
	s.mu.Unlock()
	return ctx.Err()
}

// client is a Client on f with recorded (not slept) retry waits.
func (f *fakeChoreo) client() (*Client, *sleeps) {
	c := NewClient(&http.Client{Timeout: 10 * time.Second}, f.settings())
	s := &sleeps{}
	c.retry.Sleep = s.sleep
	return c, s
}

func mustContain(t *testing.T, got string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Errorf("message lacks %q:\n%s", w, got)
		}
	}
}

func errMessage(t *testing.T, err error) string {
	t.Helper()
	if err == nil {
		t.Fatal("expected an error, got none")
	}
	return err.Error()
}
