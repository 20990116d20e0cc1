package runner

import (
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// listTransport answers the list documents, counting each; the first fail answers fail.
type listTransport struct {
	apis, envs atomic.Int32
	fail       atomic.Int32
	delay      time.Duration
}

func (l *listTransport) Do(ctx context.Context, req Request) (Answer, error) {
	if l.delay > 0 {
		time.Sleep(l.delay)
	}
	if l.fail.Load() > 0 {
		l.fail.Add(-1)
		return Answer{}, errors.New("HTTP 503")
	}
	switch {
	case strings.Contains(req.Query, "listAllAPI"):
		l.apis.Add(1)
		return Answer{Data: []byte(`{"listAllAPI":[{"id":"a1","name":"Orders API","version":"v1"},"junk",null,{"id":"a2","name":"Pay","version":""}]}`)}, nil
	case strings.Contains(req.Query, "listEnvironments"):
		l.envs.Add(1)
		return Answer{Data: []byte(`{"listEnvironments":[{"id":"e1","name":"Development"}]}`)}, nil
	}
	return Answer{}, errors.New("unexpected request")
}

func TestLookupsOneFetchForConcurrentCallers(t *testing.T) {
	cat := loadCatalog(t)
	tr := &listTransport{delay: 50 * time.Millisecond}
	lk := NewLookups()
	s := settingsOf(Settings{OrgUUID: "org"})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var wg sync.WaitGroup
	names := make([]string, 100)
	for i := 0; i < 100; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m, err := cat.apiNameMap(ctx, tr, lk, s, "env")
			if err != nil {
				t.Error(err)
				return
			}
			names[i] = m.name("a1") + "|" + m.name("a2") + "|" + jsString(m.id("Orders API - v1"))
		}()
	}
	wg.Wait()
	if n := tr.apis.Load(); n != 1 {
		t.Errorf("%d fetches for 100 concurrent callers, want 1", n)
	}
	for _, n := range names {
		if n != "Orders API v1|Pay|a1" {
			t.Fatalf("names %q", n)
		}
	}
	// Another environment is another list.
	if _, err := cat.apiNameMap(ctx, tr, lk, s, "env2"); err != nil || tr.apis.Load() != 2 {
		t.Errorf("second environment: %v, %d fetches", err, tr.apis.Load())
	}
}

func TestLookupsExpireAndForgetFailures(t *testing.T) {
	cat := loadCatalog(t)
	tr := &listTransport{}
	lk := NewLookups()
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	lk.now = func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	advance := func(d time.Duration) { mu.Lock(); now = now.Add(d); mu.Unlock() }
	s := settingsOf(Settings{OrgUUID: "org"})
	ctx := context.Background()

	tr.fail.Store(1)
	if _, err := cat.environments(ctx, tr, lk, s); err == nil || err.Error() != "HTTP 503" {
		t.Fatalf("want the failure, got %v", err)
	}
	envs, err := cat.environments(ctx, tr, lk, s)
	if err != nil || len(envs) != 1 || envs[0].name != "Development" || tr.envs.Load() != 1 {
		t.Fatalf("after a failure the next call fetches again: %v %v %d", envs, err, tr.envs.Load())
	}
	advance(LookupTTL - time.Second)
	if _, err := cat.environments(ctx, tr, lk, s); err != nil || tr.envs.Load() != 1 {
		t.Errorf("still fresh: %d fetches", tr.envs.Load())
	}
	advance(2 * time.Second)
	if _, err := cat.environments(ctx, tr, lk, s); err != nil || tr.envs.Load() != 2 {
		t.Errorf("expired after %v: %d fetches", LookupTTL, tr.envs.Load())
	}
}

// A caller whose query is cancelled stops waiting; the fetch goes on for the others.
func TestLookupsCallerCancelled(t *testing.T) {
	cat := loadCatalog(t)
	tr := &listTransport{delay: 200 * time.Millisecond}
	lk := NewLookups()
	s := settingsOf(Settings{OrgUUID: "org"})
	short, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if _, err := cat.environments(short, tr, lk, s); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("cancelled caller: %v", err)
	}
	envs, err := cat.environments(context.Background(), tr, lk, s)
	if err != nil || len(envs) != 1 || tr.envs.Load() != 1 {
		t.Errorf("the shared fetch: %v %v %d fetches", envs, err, tr.envs.Load())
	}
}

func TestAPINames(t *testing.T) {
	m := newAPINames([]apiInfo{{"u1", "Orders API", "v1"}, {"u2", " Name - With - Dashes ", " 2.0 "}, {"u3", "", ""}}, "Unknown API")
	names := map[any]string{
		"u1": "Orders API v1", "Orders API - v1": "Orders API v1", "A - B - 3": "A - B 3", " - v1": " - v1",
		"x - ": "x - ", nil: "Unknown API", "": "Unknown API", 7.0: "7", true: "Unknown API", "u3": "u3",
	}
	for in, want := range names {
		if got := m.name(in); got != want {
			t.Errorf("name(%v) = %q, want %q", in, got, want)
		}
	}
	ids := map[any]any{
		"u1": "u1", "Orders API - v1": "u1", "Name - With - Dashes - 2.0": "u2", "Other - v9": "Other - v9",
		nil: nil, "": nil, 7.0: "7",
	}
	for in, want := range ids {
		if got := m.id(in); got != want {
			t.Errorf("id(%v) = %v, want %v", in, got, want)
		}
	}
}
