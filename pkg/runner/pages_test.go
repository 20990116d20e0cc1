package runner

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// pagingTransport serves error details one row per page whatever the limit, with a total of
// 1e9 (a server that caps its pages); page requests after the first call slow, when set.
type pagingTransport struct {
	cat      *Catalog
	pages    atomic.Int32
	inFlight atomic.Int32
	maxSeen  atomic.Int32
	slow     func(ctx context.Context) // called for pages after the first
}

func (p *pagingTransport) Do(ctx context.Context, req Request) (Answer, error) {
	if strings.Contains(req.Query, "listAllAPI") {
		return Answer{Data: []byte(`{"listAllAPI":[]}`)}, nil
	}
	n := p.pages.Add(1)
	cur := p.inFlight.Add(1)
	defer p.inFlight.Add(-1)
	for {
		m := p.maxSeen.Load()
		if cur <= m || p.maxSeen.CompareAndSwap(m, cur) {
			break
		}
	}
	if n > 1 && p.slow != nil {
		p.slow(ctx)
		if err := ctx.Err(); err != nil {
			return Answer{}, err
		}
	}
	row := fmt.Sprintf(`{"timeSpan":"2026-11-24T10:00:00Z","apiId":null,"reason":"r%d","count":%d}`, n, n)
	return Answer{Data: []byte(`{"getErrorsDetails":{"usage":[` + row + `],"pagination":{"total":1e9}}}`)}, nil
}

func errorDetailsInput(maxRows int) Input {
	q, _ := json.Marshal(map[string]any{"refId": "A", "queryType": "errorDetails", "maxRows": maxRows})
	from := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	return Input{Query: q, From: from, To: from.Add(3 * time.Hour), IntervalMs: 3_600_000, MaxDataPoints: 500,
		Settings: Settings{OrgUUID: "org", DefaultEnvironmentID: "env"}}
}

func noticeTexts(r Result) []string {
	var out []string
	for _, f := range r.Frames {
		if f.Meta != nil {
			for _, n := range f.Meta.Notices {
				out = append(out, n.Text)
			}
		}
	}
	return out
}

func TestPageBudgetStopsAtMaxPages(t *testing.T) {
	cat := loadCatalog(t)
	tr := &pagingTransport{cat: cat}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	res := cat.Run(ctx, errorDetailsInput(20000), tr, NewLookups())
	if res.Error != "" {
		t.Fatal(res.Error)
	}
	if n := tr.pages.Load(); n > 20 || n < 20 {
		t.Errorf("%d requests, want the budget's 20", n)
	}
	if m := tr.maxSeen.Load(); m > 4 {
		t.Errorf("%d pages at once, want at most 4", m)
	}
	if got := res.Frames[0].Rows(); got != 20 {
		t.Errorf("%d rows, want 20", got)
	}
	want := "Showing the first 20 of 1000000000 rows: the Insights API serves 1 row(s) per page and a panel fetches at most 20 pages per query."
	if texts := noticeTexts(res); len(texts) != 1 || texts[0] != want {
		t.Errorf("notices %q", texts)
	}
	if !strings.Contains(res.Frames[0].Meta.ExecutedQueryString, "# 20 pages fetched; variables of the first page") {
		t.Errorf("executed query: %s", res.Frames[0].Meta.ExecutedQueryString)
	}
}

func TestPageBudgetStopsAtTheDeadline(t *testing.T) {
	cat := loadCatalog(t)
	var mu sync.Mutex
	var released []int32
	tr := &pagingTransport{cat: cat}
	// Pages after the first never finish on their own within the test: only the deadline ends them.
	tr.slow = func(ctx context.Context) {
		select {
		case <-ctx.Done():
		case <-time.After(5 * time.Second):
		}
		mu.Lock()
		released = append(released, 1)
		mu.Unlock()
	}
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	res := cat.Run(ctx, errorDetailsInput(1000), tr, NewLookups())
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("Run took %v after a 300 ms deadline", took)
	}
	if res.Error != "" {
		t.Fatal(res.Error)
	}
	want := "Showing the first 1 rows: the panel stopped fetching pages after 1 s."
	if texts := noticeTexts(res); len(texts) != 1 || texts[0] != want {
		t.Errorf("notices %q", texts)
	}
	if n := tr.pages.Load(); n > 5 {
		t.Errorf("%d requests started, want the first and at most 4 in flight", n)
	}
	if got := res.Frames[0].Rows(); got != 1 {
		t.Errorf("%d rows, want the first page's 1", got)
	}
}

// A transport that does not honour ctx cannot hold a query past its deadline either.
func TestPageDeadlineDoesNotWaitForStuckPages(t *testing.T) {
	cat := loadCatalog(t)
	tr := &pagingTransport{cat: cat, slow: func(context.Context) { time.Sleep(3 * time.Second) }}
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	res := cat.Run(ctx, errorDetailsInput(1000), tr, NewLookups())
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("Run took %v", took)
	}
	if res.Error != "" || res.Frames[0].Rows() != 1 {
		t.Errorf("error %q, rows %d", res.Error, res.Frames[0].Rows())
	}
}

func TestPagePlan(t *testing.T) {
	cases := []struct {
		name            string
		maxRows, asked  int
		rows            int
		total           float64
		offsets         []int
		size            int
		sequential, cut bool
	}{
		{"all in the first page", 1000, 1000, 40, 40, nil, 1000, false, false},
		{"server caps pages at 100", 1000, 1000, 100, 250, []int{100, 200}, 100, false, false},
		{"maxRows above the page limit", 2500, 1000, 1000, 5000, []int{1000, 2000}, 1000, false, false},
		{"no usable total", 2500, 1000, 1000, 0, []int{1000, 2000}, 1000, true, false},
		{"budget cuts", 20000, 1000, 1, 1e9, seq(1, 19), 1, false, true},
		{"empty", 1000, 1000, 0, 0, nil, 1000, false, false},
	}
	for _, c := range cases {
		p := &pager{maxRows: c.maxRows, asked: c.asked}
		got := p.plan(c.rows, c.total, 20)
		if fmt.Sprint(got.offsets) != fmt.Sprint(c.offsets) || got.size != c.size || got.sequential != c.sequential || got.cut != c.cut {
			t.Errorf("%s: got %+v", c.name, got)
		}
	}
}

func seq(from, n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = from + i
	}
	return out
}
