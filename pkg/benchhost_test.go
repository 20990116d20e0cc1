package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/choreo-insights/choreo-insights-datasource/pkg/internal/logbuf"
)

// TestBenchPluginHost is the backend half of `npm run bench` (issue #14): every provisioned
// panel's targets through QueryData, as Grafana's server sends them, BENCH_RUNS times each (9 by
// default), against the emulator, one request at a time. It writes, to the file BENCH_OUT
// names, the median per panel of the plugin-side duration — the SDK's logger middleware line
// "Plugin Request Completed … duration=…" (QueryData inside the plugin process: the handler,
// its requests to the emulator and frame building; not the gRPC transport or the host's
// decoding) — the median time around the gRPC call for comparison, and the plugin process's
// peak and steady resident memory (/proc/<pid>/status VmHWM and VmRSS). Skipped unless
// BENCH_OUT is set. BENCH_PANELS may name a scripts/panelFrames.ts output to reuse (else it
// runs the script), BENCH_PLUGIN a built binary (else it builds one as TestPluginHost does).

type benchPanel struct {
	Dashboard string `json:"dashboard"`
	Panel     string `json:"panel"`
	Queries   int    `json:"queries"`
	// PluginMs is the median of the SDK's "Plugin Request Completed" durations.
	PluginMs float64 `json:"pluginMs"`
	// GRPCMs is the median time around the QueryData call, transport and decoding included.
	GRPCMs float64 `json:"grpcMs"`
}

type benchHost struct {
	Runs    int          `json:"runs"`
	Measure string       `json:"measure"`
	Panels  []benchPanel `json:"panels"`
	RSS     struct {
		// StartKB is VmRSS after the first QueryData (instance made, token fetched).
		StartKB int `json:"startKB"`
		// PeakKB is VmHWM after every run: the most the process ever held.
		PeakKB int `json:"peakKB"`
		// SteadyKB is VmRSS a second after the last run.
		SteadyKB int `json:"steadyKB"`
	} `json:"rss"`
}

var completedLine = regexp.MustCompile(`Plugin Request Completed.*\bduration=(\S+)`)

// completed is every "Plugin Request Completed" duration in the plugin-host log so far.
func completed(log string) []time.Duration {
	var out []time.Duration
	for _, m := range completedLine.FindAllStringSubmatch(log, -1) {
		if d, err := time.ParseDuration(strings.Trim(m[1], `"`)); err == nil {
			out = append(out, d)
		}
	}
	return out
}

// procStatusKB reads one "<key>: <n> kB" line of /proc/<pid>/status.
func procStatusKB(t *testing.T, pid int, key string) int {
	t.Helper()
	f, err := os.Open(filepath.Join("/proc", strconv.Itoa(pid), "status"))
	if err != nil {
		t.Fatalf("plugin process memory: %v (the bench reads Linux's /proc)", err)
	}
	defer f.Close()
	scanner := bufio.NewScanner(f)
	for scanner.Scan() {
		if rest, ok := strings.CutPrefix(scanner.Text(), key+":"); ok {
			n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			if err != nil {
				t.Fatalf("%s: %q", key, rest)
			}
			return n
		}
	}
	t.Fatalf("/proc/%d/status has no %s", pid, key)
	return 0
}

func medianOf(xs []time.Duration) float64 {
	s := append([]time.Duration(nil), xs...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return float64(s[len(s)/2]) / float64(time.Millisecond)
}

// panelCases is the cases file BENCH_PANELS names, else a fresh scripts/panelFrames.ts run.
func panelCases(t *testing.T, ctx context.Context, root string) panelFrames {
	t.Helper()
	file := os.Getenv("BENCH_PANELS")
	if file == "" {
		return browserPanelFrames(t, ctx, root)
	}
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var pf panelFrames
	if err := json.Unmarshal(raw, &pf); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	if len(pf.Panels) == 0 {
		t.Fatalf("%s holds no panels", file)
	}
	return pf
}

func TestBenchPluginHost(t *testing.T) {
	out := os.Getenv("BENCH_OUT")
	if out == "" {
		t.Skip("set BENCH_OUT=<file> to run the plugin-host bench (npm run bench does)")
	}
	runs := 9
	if v := os.Getenv("BENCH_RUNS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 1000 {
			t.Fatalf("BENCH_RUNS=%q: want a whole number from 1 to 1000", v)
		}
		runs = n
	}
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	root := repoRoot(t)
	emulatorURL := startEmulator(t, ctx, root)
	bin := os.Getenv("BENCH_PLUGIN")
	if bin == "" {
		bin = buildPlugin(t, ctx)
	}
	logs := &logbuf.Buffer{}
	client, _, data := launchPlugin(t, bin, logs)
	pid := client.ReattachConfig().Pid
	cases := panelCases(t, ctx, root)
	pc := pluginContextWith(emulatorURL, demoSecret, time.Now(), map[string]string{"defaultEnvironmentId": productionEnv})

	// The SDK writes the line after answering, and the host reads it from the plugin's stderr
	// on its own goroutine: wait (bounded) for the n-th one.
	waitCompleted := func(n int) time.Duration {
		deadline := time.Now().Add(5 * time.Second)
		for {
			if d := completed(logs.String()); len(d) >= n {
				return d[n-1]
			}
			if time.Now().After(deadline) {
				t.Fatalf("no %d-th \"Plugin Request Completed\" line in the plugin-host log:\n%s", n, logs.String())
			}
			time.Sleep(2 * time.Millisecond)
		}
	}
	seen := len(completed(logs.String()))
	query := func(c panelCase) (time.Duration, time.Duration) {
		start := time.Now()
		res, err := data.QueryData(ctx, c.request(pc))
		grpc := time.Since(start)
		if err != nil {
			t.Fatalf("%s / %s: %v", c.Dashboard, c.Panel, err)
		}
		// A bench of answers that fail for another reason than the browser's would time the wrong work.
		errs := map[string]string{}
		for _, q := range c.Queries {
			r := res.Responses[q.RefID]
			if r == nil {
				t.Fatalf("%s / %s: no response for %s", c.Dashboard, c.Panel, q.RefID)
			}
			if r.Error != "" {
				errs[q.RefID] = r.Error
			}
		}
		if !reflect.DeepEqual(errs, c.Errors) {
			t.Fatalf("%s / %s: errors %v, the browser runner's %v", c.Dashboard, c.Panel, errs, c.Errors)
		}
		seen++
		return waitCompleted(seen), grpc
	}

	var result benchHost
	result.Runs = runs
	result.Measure = "median of the SDK logger middleware's \"Plugin Request Completed\" duration (QueryData in the plugin process, its requests to the emulator included); grpcMs: around the gRPC call"
	// One round first, not counted: the instance, its token and its lists, as after Grafana's first query.
	for _, c := range cases.Panels {
		query(c)
	}
	result.RSS.StartKB = procStatusKB(t, pid, "VmRSS")
	for _, c := range cases.Panels {
		plugin := make([]time.Duration, 0, runs)
		grpc := make([]time.Duration, 0, runs)
		for i := 0; i < runs; i++ {
			p, g := query(c)
			plugin, grpc = append(plugin, p), append(grpc, g)
		}
		result.Panels = append(result.Panels, benchPanel{
			Dashboard: filepath.Base(c.Dashboard), Panel: c.Panel, Queries: len(c.Queries),
			PluginMs: medianOf(plugin), GRPCMs: medianOf(grpc),
		})
	}
	result.RSS.PeakKB = procStatusKB(t, pid, "VmHWM")
	time.Sleep(time.Second)
	result.RSS.SteadyKB = procStatusKB(t, pid, "VmRSS")

	raw, err := json.MarshalIndent(result, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, append(raw, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d panels × %d runs; RSS peak %d kB, steady %d kB; wrote %s", len(result.Panels), runs, result.RSS.PeakKB, result.RSS.SteadyKB, out)
	if testing.Verbose() {
		for _, p := range result.Panels {
			fmt.Printf("%-20s %-45s %6.2f ms  (gRPC %6.2f ms)\n", p.Dashboard, p.Panel, p.PluginMs, p.GRPCMs)
		}
	}
}
