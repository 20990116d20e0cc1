package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend/grpcplugin"
	"github.com/grafana/grafana-plugin-sdk-go/genproto/pluginv2"
	hclog "github.com/hashicorp/go-hclog"
	goplugin "github.com/hashicorp/go-plugin"

	"github.com/choreo-insights/choreo-insights-datasource/pkg/internal/logbuf"
	"github.com/choreo-insights/choreo-insights-datasource/pkg/parity"
	"github.com/choreo-insights/choreo-insights-datasource/pkg/plugin"
)

// TestPluginHost plays Grafana's plugin host against the real binary: builds it with the
// release flags, starts it with the go-plugin handshake and plugin set Grafana uses, and calls
// CheckHealth and QueryData over gRPC with the SDK's protobuf types, against the project's
// Choreo emulator (emulator/main.ts) on 127.0.0.1.

const (
	demoKey    = "choreo-demo-key"
	demoSecret = "choreo-demo-secret"
	demoOrg    = "5b0d4e39-1c5a-4d3e-9f11-7a2c8e6b0d42"
	// productionEnv is emulator/demo.ts ENV_IDS.production.
	productionEnv = "f7c4e0b3-5a9d-4dbf-ae8c-2b6a4d3f1e05"
)

// repoRoot is the module root (this file is in pkg/).
func repoRoot(t *testing.T) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Dir(wd)
}

// buildPlugin builds the binary as npm run build does (scripts/buildBackend.ts), so the test
// exercises what ships; the shared build cache makes this a link step after `npm run build`.
func buildPlugin(t *testing.T, ctx context.Context) string {
	t.Helper()
	exe := fmt.Sprintf("gpx_choreo_insights_%s_%s", runtime.GOOS, runtime.GOARCH)
	if runtime.GOOS == "windows" {
		exe += ".exe"
	}
	out := filepath.Join(t.TempDir(), exe)
	cmd := exec.CommandContext(ctx, "go", "build", "-trimpath", "-tags", "arrow_json_stdlib", "-ldflags", "-s -w", "-o", out, ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, msg)
	}
	return out
}

var emulatorLine = regexp.MustCompile(`Choreo Insights emulator on (http://127\.0\.0\.1:\d+) `)

// startEmulator runs `node --import tsx emulator/main.ts` on a free port and returns its URL.
func startEmulator(t *testing.T, ctx context.Context, root string) string {
	t.Helper()
	if _, err := os.Stat(filepath.Join(root, "node_modules", "tsx")); err != nil {
		if testing.Short() {
			t.Skip("-short: the emulator needs node_modules (npm ci)")
		}
		t.Fatalf("the plugin-host test runs the Choreo emulator with tsx: run `npm ci` first (%v)", err)
	}
	cmd := exec.Command("node", "--import", "tsx", "emulator/main.ts")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "PORT=0", "HOST=127.0.0.1")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	stderr := &logbuf.Buffer{}
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("start emulator: %v", err)
	}
	exited := make(chan struct{})
	go func() {
		_ = cmd.Wait()
		close(exited)
	}()
	t.Cleanup(func() {
		// SIGTERM lets it close its server; Windows has no SIGTERM, so Kill there and on timeout.
		if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
			_ = cmd.Process.Kill()
		}
		select {
		case <-exited:
		case <-time.After(5 * time.Second):
			_ = cmd.Process.Kill()
			<-exited
		}
	})
	found := make(chan string, 1)
	go func() {
		scanner := bufio.NewScanner(stdout)
		for scanner.Scan() {
			if m := emulatorLine.FindStringSubmatch(scanner.Text()); m != nil {
				found <- m[1]
			}
		}
	}()
	select {
	case url := <-found:
		return url
	case <-exited:
		t.Fatalf("the emulator exited before it was ready:\n%s", stderr.String())
	case <-ctx.Done():
		t.Fatalf("the emulator did not start in time:\n%s", stderr.String())
	}
	return ""
}

// startPlugin starts the binary as Grafana's plugin host does.
func startPlugin(t *testing.T, bin string, logs *logbuf.Buffer) (pluginv2.DiagnosticsClient, pluginv2.DataClient) {
	t.Helper()
	_, diag, data := launchPlugin(t, bin, logs)
	return diag, data
}

// launchPlugin is startPlugin with the go-plugin client, whose ReattachConfig names the process.
func launchPlugin(t *testing.T, bin string, logs *logbuf.Buffer) (*goplugin.Client, pluginv2.DiagnosticsClient, pluginv2.DataClient) {
	t.Helper()
	client := goplugin.NewClient(&goplugin.ClientConfig{
		Cmd: exec.Command(bin),
		HandshakeConfig: goplugin.HandshakeConfig{
			ProtocolVersion:  grpcplugin.ProtocolVersion,
			MagicCookieKey:   grpcplugin.MagicCookieKey,
			MagicCookieValue: grpcplugin.MagicCookieValue,
		},
		VersionedPlugins: map[int]goplugin.PluginSet{
			grpcplugin.ProtocolVersion: {
				"diagnostics": &grpcplugin.DiagnosticsGRPCPlugin{},
				"resource":    &grpcplugin.ResourceGRPCPlugin{},
				"data":        &grpcplugin.DataGRPCPlugin{},
				"stream":      &grpcplugin.StreamGRPCPlugin{},
				"admission":   &grpcplugin.AdmissionGRPCPlugin{},
				"conversion":  &grpcplugin.ConversionGRPCPlugin{},
			},
		},
		AllowedProtocols: []goplugin.Protocol{goplugin.ProtocolGRPC},
		Logger:           hclog.New(&hclog.LoggerOptions{Name: "plugin-host", Output: logs, Level: hclog.Trace}),
		StartTimeout:     30 * time.Second,
	})
	t.Cleanup(client.Kill)
	rpc, err := client.Client()
	if err != nil {
		t.Fatalf("handshake: %v\n%s", err, logs.String())
	}
	if v := client.NegotiatedVersion(); v != grpcplugin.ProtocolVersion {
		t.Errorf("negotiated protocol %d, want %d", v, grpcplugin.ProtocolVersion)
	}
	diag, err := rpc.Dispense("diagnostics")
	if err != nil {
		t.Fatal(err)
	}
	data, err := rpc.Dispense("data")
	if err != nil {
		t.Fatal(err)
	}
	return client, diag.(pluginv2.DiagnosticsClient), data.(pluginv2.DataClient)
}

func pluginContext(emulatorURL, secret string, updated time.Time) *pluginv2.PluginContext {
	return pluginContextWith(emulatorURL, secret, updated, nil)
}

// pluginContextWith is the emulator data source with more jsonData settings. updated is the
// save time: Grafana's instance manager makes a new instance when it changes.
func pluginContextWith(emulatorURL, secret string, updated time.Time, more map[string]string) *pluginv2.PluginContext {
	settings := map[string]string{
		"consumerKey": demoKey, "orgHandle": "demo-org", "orgUuid": demoOrg, "tenant": "carbon.super",
		"tokenUrl": emulatorURL + "/oauth2/token", "apiUrl": emulatorURL + "/93tu/insights/1.0.0/query-api",
	}
	for k, v := range more {
		settings[k] = v
	}
	jsonData, err := json.Marshal(settings)
	if err != nil {
		panic(err)
	}
	return &pluginv2.PluginContext{
		OrgId:    1,
		PluginId: plugin.PluginID,
		DataSourceInstanceSettings: &pluginv2.DataSourceInstanceSettings{
			Id:                      7,
			Uid:                     "choreo-insights-emulator",
			Name:                    "Choreo Insights (emulator)",
			JsonData:                jsonData,
			DecryptedSecureJsonData: map[string]string{"consumerSecret": secret},
			LastUpdatedMS:           updated.UnixMilli(),
		},
	}
}

func TestPluginHost(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	root := repoRoot(t)
	emulatorURL := startEmulator(t, ctx, root)
	logs := &logbuf.Buffer{}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("plugin host log:\n%s", logs.String())
		}
	})
	diag, data := startPlugin(t, buildPlugin(t, ctx), logs)
	saved := time.Now().Add(-time.Hour)

	t.Run("CheckHealth lists the organization's environments", func(t *testing.T) {
		res, err := diag.CheckHealth(ctx, &pluginv2.CheckHealthRequest{PluginContext: pluginContext(emulatorURL, demoSecret, saved)})
		if err != nil {
			t.Fatal(err)
		}
		want := "Connected to organization " + demoOrg + ": 3 environments (Development, Staging, Production)"
		if res.Status != pluginv2.CheckHealthResponse_OK || res.Message != want {
			t.Errorf("%v %q\nwant OK %q", res.Status, res.Message, want)
		}
	})

	t.Run("a saved data source with a wrong secret gets a new instance and a clear error", func(t *testing.T) {
		res, err := diag.CheckHealth(ctx, &pluginv2.CheckHealthRequest{PluginContext: pluginContext(emulatorURL, "not-the-secret", saved.Add(time.Minute))})
		if err != nil {
			t.Fatal(err)
		}
		if res.Status != pluginv2.CheckHealthResponse_ERROR ||
			!strings.HasPrefix(res.Message, "Choreo's token endpoint refused the consumer key and secret: invalid_client (") {
			t.Errorf("%v %q", res.Status, res.Message)
		}
	})

	t.Run("QueryData: raw GraphQL is refused with its message, a builder query beside it runs", func(t *testing.T) {
		from := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
		tr := &pluginv2.TimeRange{FromEpochMS: from.UnixMilli(), ToEpochMS: from.Add(6 * time.Hour).UnixMilli()}
		res, err := data.QueryData(ctx, &pluginv2.QueryDataRequest{
			PluginContext: pluginContext(emulatorURL, demoSecret, saved.Add(2*time.Minute)),
			Queries: []*pluginv2.DataQuery{
				{RefId: "RAW", QueryType: "graphql", TimeRange: tr, IntervalMS: 60000, MaxDataPoints: 500,
					Json: []byte(`{"refId":"RAW","queryType":"graphql","graphql":{"query":"{ listEnvironments(org: {orgId: \"x\"}) { id } }"}}`)},
				{RefId: "ERR", QueryType: "customReport", TimeRange: tr, IntervalMS: 60000, MaxDataPoints: 500,
					Json: []byte(`{"refId":"ERR","queryType":"customReport","environmentId":"` + productionEnv + `","customReport":{"mode":"overTime","metric":"API_ERRORS","groupByFields":["API_NAME"],"groupByValues":["Orders API"]}}`)},
			},
		})
		if err != nil {
			t.Fatal(err)
		}
		raw, builder := res.Responses["RAW"], res.Responses["ERR"]
		if raw == nil || raw.Error != plugin.RawGraphQLUnavailable || raw.Status != 400 {
			t.Errorf("RAW: %+v", raw)
		}
		if builder == nil || builder.Error != "" {
			t.Fatalf("ERR: %+v", builder)
		}
		frames := decodeFrames(t, builder.Frames)
		if len(frames) != 1 || frames[0].Fields[0].Len() != 360 {
			t.Fatalf("ERR: %d frames %v", len(frames), frames)
		}
		if name := frames[0].Fields[1].Config.DisplayNameFromDS; name != "API errors (Orders API)" {
			t.Errorf("ERR series %q", name)
		}
	})

	cases := browserPanelFrames(t, ctx, root)
	pc := pluginContextWith(emulatorURL, demoSecret, saved.Add(3*time.Minute), map[string]string{"defaultEnvironmentId": productionEnv})
	t.Run("every provisioned panel and alert rule: the backend's frames are the browser runner's", func(t *testing.T) {
		for _, c := range append(append([]panelCase(nil), cases.Panels...), cases.Rules...) {
			t.Run(filepath.Base(c.Dashboard)+"/"+c.Panel, func(t *testing.T) {
				if string(c.Frames) == "[]" && len(c.Errors) == 0 {
					t.Fatal("the browser runner gave this case neither frames nor an error")
				}
				res, err := data.QueryData(ctx, c.request(pc))
				if err != nil {
					t.Fatal(err)
				}
				var got []any
				errs := map[string]string{}
				for _, q := range c.Queries {
					r := res.Responses[q.RefID]
					if r == nil {
						t.Fatalf("no response for %s", q.RefID)
					}
					if r.Error != "" {
						errs[q.RefID] = r.Error
						continue
					}
					got = append(got, parity.Frames(decodeFrames(t, r.Frames))...)
				}
				if !reflect.DeepEqual(errs, c.Errors) {
					t.Errorf("errors: backend %v, browser %v", errs, c.Errors)
				}
				backendFrames, err := parity.Generic(got)
				if err != nil {
					t.Fatal(err)
				}
				browserFrames, err := parity.Generic(c.Frames)
				if err != nil {
					t.Fatal(err)
				}
				if diffs := parity.Diff("frames", backendFrames, browserFrames, 10); len(diffs) > 0 {
					t.Errorf("frames differ (got: backend, want: browser runner):\n  %s", strings.Join(diffs, "\n  "))
				}
			})
		}
	})

	saves := 10
	testAlertLoad(t, ctx, data, emulatorURL, cases.Rules[0], func() *pluginv2.PluginContext {
		saves++ // a new save: a new instance with an empty token cache
		return pluginContextWith(emulatorURL, demoSecret, saved.Add(time.Duration(saves)*time.Minute), map[string]string{"defaultEnvironmentId": productionEnv})
	})

	if strings.Contains(logs.String(), demoSecret) {
		t.Errorf("the plugin's log holds the consumer secret:\n%s", logs.String())
	}
}
