//go:build unix

package runner

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// The runner against the project's emulator (emulator/main.ts): a real HTTP server with the
// Insights schema, an STS and deterministic data, on 127.0.0.1.

const (
	demoOrgUUID    = "5b0d4e39-1c5a-4d3e-9f11-7a2c8e6b0d42"
	productionEnv  = "f7c4e0b3-5a9d-4dbf-ae8c-2b6a4d3f1e05"
	emulatorBootIn = 120 * time.Second // npx, tsx and the emulator's warm-up on a small machine
)

var emulatorLine = regexp.MustCompile(`emulator on (http://127\.0\.0\.1:\d+) \(token (\S+), API (\S+)\)`)

type emulator struct {
	tokenURL, apiURL string
	cmd              *exec.Cmd
	done             chan struct{}
}

// startEmulator runs `npx tsx emulator/main.ts` on a free port (PORT=0: it prints the port it
// got) and waits for its line; the process group is killed when the test ends.
func startEmulator(t *testing.T) *emulator {
	t.Helper()
	if _, err := exec.LookPath("npx"); err != nil {
		t.Skip("npx is not on PATH: the emulator test needs Node (npm ci at the repo root)")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "node_modules", "tsx")); err != nil {
		t.Fatalf("node_modules/tsx is missing: run npm ci at the repo root (%v)", err)
	}
	cmd := exec.Command("npx", "tsx", "emulator/main.ts")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "PORT=0", "HOST=127.0.0.1")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // npx starts node as a child: kill both
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	e := &emulator{cmd: cmd, done: make(chan struct{})}
	go func() { _ = cmd.Wait(); close(e.done) }()
	t.Cleanup(e.stop)

	found := make(chan []string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if m := emulatorLine.FindStringSubmatch(sc.Text()); m != nil {
				found <- m
				break
			}
		}
		_, _ = io.Copy(io.Discard, stdout) // keep the pipe drained
	}()
	select {
	case m := <-found:
		e.tokenURL, e.apiURL = m[2], m[3]
	case <-e.done:
		t.Fatalf("the emulator exited before it was ready: %s", stderr.String())
	case <-time.After(emulatorBootIn):
		t.Fatalf("the emulator did not start within %v: %s", emulatorBootIn, stderr.String())
	}
	return e
}

func (e *emulator) stop() {
	pgid := e.cmd.Process.Pid
	_ = syscall.Kill(-pgid, syscall.SIGTERM)
	select {
	case <-e.done:
	case <-time.After(5 * time.Second):
		_ = syscall.Kill(-pgid, syscall.SIGKILL)
		<-e.done
	}
}

func (e *emulator) token(t *testing.T) string {
	t.Helper()
	form := url.Values{
		"grant_type": {"client_credentials"}, "client_id": {"choreo-demo-key"},
		"client_secret": {"choreo-demo-secret"}, "orgHandle": {"demo-org"}, "scope": {"apim:api_manage"},
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, e.tokenURL, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var body struct {
		AccessToken string `json:"access_token"`
	}
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil || res.StatusCode != 200 || body.AccessToken == "" {
		t.Fatalf("token: HTTP %d, %v", res.StatusCode, err)
	}
	return body.AccessToken
}

// httpTransport is the simplest real transport: POST the request with a bearer token.
type httpTransport struct {
	cat        *Catalog
	url, token string
	client     *http.Client
}

func (h *httpTransport) Do(ctx context.Context, r Request) (Answer, error) {
	var body bytes.Buffer
	enc := json.NewEncoder(&body)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(struct {
		Query         string          `json:"query"`
		Variables     json.RawMessage `json:"variables"`
		OperationName string          `json:"operationName,omitempty"`
	}{r.Query, r.Variables, r.OperationName}); err != nil {
		return Answer{}, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, h.url, &body)
	if err != nil {
		return Answer{}, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+h.token)
	res, err := h.client.Do(req)
	if err != nil {
		return Answer{}, fmt.Errorf("The request to the Insights API failed: %w", err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(io.LimitReader(res.Body, 64<<20))
	if err != nil {
		return Answer{}, err
	}
	if res.StatusCode != http.StatusOK {
		return Answer{}, fmt.Errorf("The Insights API answered HTTP %d: %.200s", res.StatusCode, b)
	}
	return h.cat.DecodeAnswer(b)
}

func TestAgainstTheEmulator(t *testing.T) {
	cat := loadCatalog(t)
	e := startEmulator(t)
	tr := &httpTransport{cat: cat, url: e.apiURL, token: e.token(t), client: &http.Client{Timeout: 30 * time.Second}}
	lk := NewLookups()
	to := time.Now().UTC().Truncate(time.Minute)
	from := to.Add(-6 * time.Hour)
	prod := Settings{OrgUUID: demoOrgUUID, DefaultEnvironmentID: productionEnv}
	cases := []struct {
		name     string
		query    string
		settings Settings
		kind     string   // meta.type, or "" for a table
		fields   []string // the first fields' names
		check    func(t *testing.T, r Result)
	}{
		{"time series", `{"refId":"A","queryType":"requestSummary"}`, prod, "timeseries-wide",
			[]string{"Time", "Success", "Errors", "Latency"}, nil},
		{"time series per API with names", `{"refId":"B","queryType":"apiUsage","granularity":"1h"}`, prod, "timeseries-wide",
			[]string{"Time", "Hits"}, func(t *testing.T, r Result) {
				named := false
				for _, f := range r.Frames[0].Fields[1:] {
					named = named || f.Labels["api"] == "Orders API v1"
				}
				if !named {
					t.Error("no series labelled Orders API v1: the API names lookup did not apply")
				}
			}},
		{"table, paginated", `{"refId":"C","queryType":"resourceUsage","maxRows":30,"sortBy":"count"}`, prod, "",
			[]string{"API", "API ID", "Resource", "Method", "Hits"}, nil},
		{"pivot", `{"refId":"D","queryType":"errorsByStatusCode"}`, prod, "numeric-long",
			[]string{"API", "API ID"}, func(t *testing.T, r Result) {
				if len(r.Frames[0].Fields) < 3 {
					t.Error("no status code columns")
				}
			}},
		{"KPI, one number", `{"refId":"E","queryType":"overviewKpi","kpi":"totalTraffic"}`, prod, "numeric-wide",
			[]string{"Total Traffic"}, func(t *testing.T, r Result) {
				if v, ok := r.Frames[0].Fields[0].ConcreteAt(0); !ok || v.(float64) <= 0 {
					t.Errorf("total traffic %v", v)
				}
			}},
		{"list, environment fallback", `{"refId":"F","queryType":"list","list":"apis"}`, Settings{OrgUUID: demoOrgUUID}, "",
			[]string{"Name", "Version", "Provider", "ID"}, func(t *testing.T, r Result) {
				if n := r.Frames[0].Meta.Notices; len(n) != 1 || !strings.Contains(n[0].Text, `showing "Development"`) {
					t.Errorf("notices %v", n)
				}
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			r := cat.Run(ctx, Input{Query: json.RawMessage(c.query), From: from, To: to, IntervalMs: 60_000,
				MaxDataPoints: 1000, Settings: c.settings}, tr, lk)
			if r.Error != "" {
				t.Fatal(r.Error)
			}
			if len(r.Frames) != 1 {
				t.Fatalf("%d frames", len(r.Frames))
			}
			f := r.Frames[0]
			if string(f.Meta.Type) != c.kind {
				t.Errorf("meta.type %q, want %q", f.Meta.Type, c.kind)
			}
			if f.Rows() == 0 {
				t.Error("no rows")
			}
			for i, name := range c.fields {
				if i >= len(f.Fields) || f.Fields[i].Name != name {
					t.Fatalf("fields %v, want %v first", fieldNames(f.Fields), c.fields)
				}
			}
			if !strings.HasPrefix(f.Meta.ExecutedQueryString, "query ") {
				t.Errorf("executed query %q", f.Meta.ExecutedQueryString)
			}
			if c.check != nil {
				c.check(t, r)
			}
		})
	}
	// A failure of the API reaches the query as its error.
	bad := &httpTransport{cat: cat, url: e.apiURL, token: "not-a-token", client: tr.client}
	r := cat.Run(context.Background(), Input{Query: json.RawMessage(`{"queryType":"requestSummary"}`), From: from, To: to,
		Settings: prod}, bad, nil)
	if !strings.Contains(r.Error, "HTTP 401") {
		t.Errorf("with a bad token: %q", r.Error)
	}
}

func fieldNames(fields []*data.Field) []string {
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i] = f.Name
	}
	return out
}
