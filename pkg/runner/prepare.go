package runner

import (
	"context"
	"fmt"
	"strings"
)

// prepared is one query ready to send: its definition, first request, pager and how its
// answer becomes frames (src/runner/prepare.ts).
type prepared struct {
	refID         string
	def           *definition
	settings      Settings
	environmentID string
	first         Request
	firstVars     *object
	pager         *pager
	frames        *frameDef
	frameCtx      *frameContext
	notices       *notices
}

// settingsOf applies the data source defaults and drops copy-paste whitespace, as
// src/settings/resolveSettings.ts does (the organization UUID in lower case).
func settingsOf(s Settings) Settings {
	out := Settings{
		OrgUUID:              strings.ToLower(jsTrim(s.OrgUUID)),
		Tenant:               jsTrim(s.Tenant),
		DefaultEnvironmentID: jsTrim(s.DefaultEnvironmentID),
	}
	if out.Tenant == "" {
		out.Tenant = defaultTenant
	}
	return out
}

// prepare checks and resolves everything a query needs before it is sent, in the browser's
// order: saved fields, type, organization, range, options, variant, granularity, notices,
// environment, scope, time filter, request, pager.
func (c *Catalog) prepare(ctx context.Context, in Input, tr Transport, lk *Lookups) (*prepared, error) {
	cm := c.common
	saved, err := parseJSONOrAbsent(in.Query)
	if err != nil {
		return nil, &userError{fmt.Sprintf("Unexpected error: the query is not JSON: %v", err)}
	}
	q := cm.migrateQuery(saved)
	refID, _ := q.value("refId").(string)
	typeName, _ := q.value("queryType").(string)
	t := c.types[typeName]
	if t != nil && t.raw {
		// Raw GraphQL needs graphql-js to read the user's document: browser only.
		return nil, cm.fail("rawGraphqlServerSide", nil)
	}
	if q, err = cm.checkSavedFields(q); err != nil {
		return nil, err
	}
	if v := unresolvedVariable(c.referenceTexts(q)); v != "" {
		return nil, cm.fail("undefinedVariable", params{"name": v})
	}
	if t == nil {
		return nil, cm.fail("unknownQueryType", params{"type": typeName})
	}
	s := settingsOf(in.Settings)
	if s.OrgUUID == "" {
		return nil, cm.fail("noOrgUuid", nil)
	}
	if err := cm.rangeProblem(in.From, in.To); err != nil {
		return nil, err
	}
	fromMs, toMs := in.From.UnixMilli(), in.To.UnixMilli()
	opts := cm.normalizeOptions(t, q)
	if opts.problem != nil {
		return nil, opts.problem
	}
	def := t.base
	if t.variantOption != "" {
		v, _ := opts.values.Get(t.variantOption)
		if d, ok := t.cases[jsString(v)]; ok {
			def = d
		}
	}
	if def.request == nil || def.frames == nil {
		return nil, &userError{fmt.Sprintf("Unexpected error: catalog: query type %q has no request or frames for this variant", t.name)}
	}
	chosen := q.value("granularity")
	if _, ok := q.Get("granularity"); !ok {
		chosen = absent
	}
	g, err := cm.resolveGranularity(chosen, fromMs, toMs, in.IntervalMs, in.MaxDataPoints)
	if err != nil {
		return nil, err
	}

	n := &notices{}
	for _, text := range opts.notices {
		n.info(text)
	}
	if t.granularity {
		n.warning(cm.granularityNotice(chosen, g, toMs-fromMs, in.MaxDataPoints))
	}
	environmentID := ""
	if def.scope.Environment {
		if environmentID, err = c.environmentOf(ctx, savedID(q.value("environmentId")), s, tr, lk, n); err != nil {
			return nil, err
		}
	}
	projectID := savedID(q.value("projectId"))
	apis, err := cm.checkFilter(savedIDs(q.value("apiIds")), def.scope.APIs, "apis", n, t.apiRequired)
	if err != nil {
		return nil, err
	}
	apps, err := cm.checkFilter(savedIDs(q.value("appIds")), def.scope.Apps, "apps", n, "")
	if err != nil {
		return nil, err
	}
	zone := resolveTimeZone(in.TimeZone)
	tf, ok := timeFilter(fromMs, toMs, zone)
	if !ok {
		n.warning(cm.message("timezoneUnknown", params{"zone": zone}))
		tf, _ = timeFilter(fromMs, toMs, "UTC")
	}
	rc := requestContext{
		timeFilter: tf, orgID: s.OrgUUID, tenant: s.Tenant,
		environmentID: environmentID, projectID: projectID, granularity: g,
		apiIDs: apis, appIDs: apps, options: opts.values,
	}
	rctx := rc.object()
	entryNotices(def, rctx, n)

	p := &prepared{
		refID: refID, def: def, settings: s, environmentID: environmentID, frames: def.frames, notices: n,
		frameCtx: &frameContext{options: opts.values, attrs: opts.attrs, granularity: g, fromMs: fromMs, toMs: toMs},
	}
	firstCtx := rctx
	if def.pagination != nil {
		p.pager = cm.pagerFor(def, rctx, opts.values)
		firstCtx = withPage(rctx, 0, p.pager.asked)
	}
	p.first, p.firstVars = buildRequest(def.request, firstCtx)
	return p, nil
}

// referenceTexts are the saved texts a dashboard variable could be left in: the scope ids and
// the free-text options (string, stringList and integer options of any type, as
// src/variables/interpolateQuery.ts checks after interpolating).
func (c *Catalog) referenceTexts(q *object) []string {
	out := []string{savedID(q.value("environmentId")), savedID(q.value("projectId"))}
	out = append(out, savedIDs(q.value("apiIds"))...)
	out = append(out, savedIDs(q.value("appIds"))...)
	for _, p := range c.textOptionPaths {
		switch v := getPath(q, p).(type) {
		case string:
			out = append(out, v)
		case []any:
			for _, item := range v {
				if s, ok := item.(string); ok {
					out = append(out, s)
				}
			}
		}
	}
	return out
}

// environmentOf is the query's environment, else the data source's default, else the
// organization's first (said in a notice).
func (c *Catalog) environmentOf(ctx context.Context, chosen string, s Settings, tr Transport, lk *Lookups, n *notices) (string, error) {
	if chosen != "" {
		return chosen, nil
	}
	if s.DefaultEnvironmentID != "" {
		return s.DefaultEnvironmentID, nil
	}
	envs, err := c.environments(ctx, tr, lk, s)
	if err != nil {
		return "", err
	}
	if len(envs) == 0 {
		return "", c.common.fail("noEnvironments", params{"orgUuid": s.OrgUUID})
	}
	n.info(c.common.message("environmentFallback", params{"name": envs[0].name}))
	return envs[0].id, nil
}

// entryNotices are the type's notices whose "when" holds in the request context.
func entryNotices(def *definition, ctx *object, n *notices) {
	for _, nf := range def.notices {
		ok := true
		for _, p := range nf.When.Present {
			ok = ok && isPresent(getPath(ctx, p))
		}
		for _, p := range nf.When.Absent {
			ok = ok && !isPresent(getPath(ctx, p))
		}
		if ok {
			if nf.Severity == "info" {
				n.info(nf.Text)
			} else {
				n.warning(nf.Text)
			}
		}
	}
}

// pagerFor: the first page asks for min(maxRows, pageLimit) rows.
func (c *common) pagerFor(def *definition, rctx *object, options *object) *pager {
	maxRows := c.paging.DefaultMaxRows
	if v, ok := options.Get("maxRows"); ok {
		if f, isNum := v.(float64); isNum {
			maxRows = int(f)
		}
	}
	spec := def.request
	return &pager{
		spec:    def.pagination,
		maxRows: maxRows,
		asked:   min(maxRows, c.paging.PageLimit),
		page: func(offset, limit int) Request {
			r, _ := buildRequest(spec, withPage(rctx, offset, limit))
			return r
		},
	}
}
