package main

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"
	"github.com/grafana/grafana-plugin-sdk-go/genproto/pluginv2"
)

// panelFrames is what scripts/panelFrames.ts writes: every provisioned panel's targets as
// Grafana's server receives them, and every provisioned alert rule's queries, with the frames
// and errors the browser runner gave them.
type panelFrames struct {
	Panels []panelCase `json:"panels"`
	Rules  []panelCase `json:"rules"`
}

type panelCase struct {
	Dashboard string `json:"dashboard"`
	Panel     string `json:"panel"`
	Range     struct {
		From time.Time `json:"from"`
		To   time.Time `json:"to"`
	} `json:"range"`
	IntervalMs    int64             `json:"intervalMs"`
	MaxDataPoints int64             `json:"maxDataPoints"`
	Queries       []panelQuery      `json:"queries"`
	Frames        json.RawMessage   `json:"frames"`
	Errors        map[string]string `json:"errors"`
}

// request is the case's QueryData request, as Grafana's server sends it.
func (c panelCase) request(pc *pluginv2.PluginContext) *pluginv2.QueryDataRequest {
	tr := &pluginv2.TimeRange{FromEpochMS: c.Range.From.UnixMilli(), ToEpochMS: c.Range.To.UnixMilli()}
	req := &pluginv2.QueryDataRequest{PluginContext: pc}
	for _, q := range c.Queries {
		req.Queries = append(req.Queries, &pluginv2.DataQuery{
			RefId: q.RefID, QueryType: q.QueryType, TimeRange: tr,
			IntervalMS: c.IntervalMs, MaxDataPoints: c.MaxDataPoints, Json: q.JSON,
		})
	}
	return req
}

// panelQuery is one saved target: its JSON as is, refId and queryType read from it.
type panelQuery struct {
	RefID     string
	QueryType string
	JSON      []byte
}

func (q *panelQuery) UnmarshalJSON(raw []byte) error {
	var head struct {
		RefID     string `json:"refId"`
		QueryType string `json:"queryType"`
	}
	if err := json.Unmarshal(raw, &head); err != nil {
		return err
	}
	q.RefID, q.QueryType, q.JSON = head.RefID, head.QueryType, append([]byte(nil), raw...)
	return nil
}

// browserPanelFrames runs the browser's DataSource over every provisioned panel (its own
// emulator and Grafana proxy stand-in, same demo data) and reads what it wrote.
func browserPanelFrames(t *testing.T, ctx context.Context, root string) panelFrames {
	t.Helper()
	out := filepath.Join(t.TempDir(), "panels.json")
	cmd := exec.CommandContext(ctx, "node", "--import", "tsx", "scripts/panelFrames.ts", "--out", out)
	cmd.Dir = root
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("scripts/panelFrames.ts: %v\n%s", err, msg)
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var pf panelFrames
	if err := json.Unmarshal(raw, &pf); err != nil {
		t.Fatal(err)
	}
	if len(pf.Panels) == 0 {
		t.Fatal("scripts/panelFrames.ts found no provisioned panels")
	}
	return pf
}

func decodeFrames(t *testing.T, encoded [][]byte) data.Frames {
	t.Helper()
	frames, err := data.UnmarshalArrowFrames(encoded)
	if err != nil {
		t.Fatalf("arrow frames: %v", err)
	}
	return frames
}
