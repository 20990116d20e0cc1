package runner

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// LookupTTL is how long a fetched list stays fresh: lists change rarely, five minutes bounds
// the staleness (src/metadata/metadataService.ts).
const LookupTTL = 5 * time.Minute

// lookupTimeout bounds one fetch: it runs on behalf of every caller waiting for it, so it is
// not cancelled with the first caller's query, but it does not run forever either.
const lookupTimeout = 30 * time.Second

// Lookups caches the lists queries need besides their own answer (the environments of the
// organization, the API names of an environment) for LookupTTL. One per data source instance:
// Grafana makes a new instance when the settings change, so a changed organization never sees
// stale lists. Safe for concurrent use; concurrent callers of one list share one fetch, and a
// failed fetch is forgotten so the next call tries again.
type Lookups struct {
	mu      sync.Mutex
	entries map[string]*lookupEntry
	now     func() time.Time // for tests
}

type lookupEntry struct {
	done    chan struct{}
	expires time.Time
	rows    []any
	err     error
}

// NewLookups makes an empty cache.
func NewLookups() *Lookups {
	return &Lookups{entries: map[string]*lookupEntry{}, now: time.Now}
}

// get returns the cached rows for key, or fetches them once for every concurrent caller.
func (l *Lookups) get(ctx context.Context, key string, fetch func(context.Context) ([]any, error)) ([]any, error) {
	if l == nil {
		return fetch(ctx)
	}
	l.mu.Lock()
	e := l.entries[key]
	if e != nil {
		select {
		case <-e.done:
			if !l.now().Before(e.expires) {
				e = nil
			}
		default: // still loading: share it
		}
	}
	if e == nil {
		e = &lookupEntry{done: make(chan struct{})}
		l.entries[key] = e
		fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), lookupTimeout)
		go func() {
			defer cancel()
			rows, err := safeFetch(fctx, fetch)
			l.mu.Lock()
			e.rows, e.err, e.expires = rows, err, l.now().Add(LookupTTL)
			if err != nil && l.entries[key] == e {
				delete(l.entries, key)
			}
			l.mu.Unlock()
			close(e.done)
		}()
	}
	l.mu.Unlock()
	select {
	case <-e.done:
		return e.rows, e.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// safeFetch turns a panic of ours into the fetch's error, so waiters are never left hanging.
func safeFetch(ctx context.Context, fetch func(context.Context) ([]any, error)) (rows []any, err error) {
	defer func() {
		if r := recover(); r != nil {
			rows, err = nil, &userError{fmt.Sprintf("Unexpected error: %v", r)}
		}
	}()
	return fetch(ctx)
}

// lookupRows runs a lookup's list variant (common.json "lookups") and returns its rows: the
// objects of the variant's variable rows.
func (c *Catalog) lookupRows(ctx context.Context, tr Transport, lk *Lookups, s Settings, name, environmentID string) ([]any, error) {
	key := name + "\x00" + s.OrgUUID + "\x00" + s.Tenant + "\x00" + environmentID
	return lk.get(ctx, key, func(ctx context.Context) ([]any, error) {
		d, err := c.lookupDefinition(name)
		if err != nil {
			return nil, err
		}
		rc := requestContext{
			timeFilter: obj("from", "", "to", ""),
			orgID:      s.OrgUUID, tenant: s.Tenant, environmentID: environmentID,
			options: newObject(),
		}
		req, _ := buildRequest(d.request, rc.object())
		answer, err := tr.Do(ctx, req)
		if err != nil {
			return nil, err
		}
		data, err := c.common.answerData(answer)
		if err != nil {
			return nil, err
		}
		list, err := c.common.readList(obj("data", data), d.variable.rows, nil)
		if err != nil {
			return nil, err
		}
		// Items that are not objects have no id or name to offer: left out.
		skipped := 0
		return objectsOf(list, &skipped), nil
	})
}

// lookupText is a list field as text (null and absent are "").
func lookupText(row any, key string) string {
	return textOf(own(row, key), "")
}

type environment struct{ id, name string }

func (c *Catalog) environments(ctx context.Context, tr Transport, lk *Lookups, s Settings) ([]environment, error) {
	rows, err := c.lookupRows(ctx, tr, lk, s, "environments", "")
	if err != nil {
		return nil, err
	}
	spec := c.common.lookups["environments"]
	out := make([]environment, len(rows))
	for i, r := range rows {
		out[i] = environment{id: lookupText(r, spec.ID), name: lookupText(r, spec.Name)}
	}
	return out, nil
}

func (c *Catalog) apiNameMap(ctx context.Context, tr Transport, lk *Lookups, s Settings, environmentID string) (*apiNames, error) {
	spec := c.common.lookups["apiNames"]
	rows, err := c.lookupRows(ctx, tr, lk, s, "apiNames", environmentID)
	if err != nil {
		return nil, err
	}
	apis := make([]apiInfo, len(rows))
	for i, r := range rows {
		apis[i] = apiInfo{id: lookupText(r, spec.ID), name: lookupText(r, spec.Name), version: lookupText(r, spec.Version)}
	}
	return newAPINames(apis, spec.Unknown), nil
}
