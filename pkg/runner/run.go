package runner

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// Settings are the data source's settings the queries read.
type Settings struct {
	OrgUUID              string
	Tenant               string // "" is carbon.super
	DefaultEnvironmentID string
}

// defaultTenant is the data source's tenant when none is set (src/constants.ts).
const defaultTenant = "carbon.super"

// Input is one query as Grafana's server sends it.
type Input struct {
	// Query is the saved query (the DataQuery JSON).
	Query json.RawMessage
	From  time.Time
	To    time.Time
	// IntervalMs and MaxDataPoints pick the auto granularity (0: none given).
	IntervalMs    int64
	MaxDataPoints int64
	// TimeZone is the zone days start in: "" or "utc" in the backend (an IANA name is honoured).
	TimeZone string
	Settings Settings
}

// Result is a query's frames, or the error its panel or alert shows.
type Result struct {
	Frames data.Frames
	Error  string
	// Cause is the error behind Error as the transport or the runner returned it (ErrInternal
	// after a recovered panic), so a caller can tell Choreo's failures from the query's own
	// (IsQueryError) and from the plugin's.
	Cause error
}

// ErrInternal is the Cause of a Result whose query hit a bug of the runner.
var ErrInternal = errors.New("internal error in the catalog runner")

// IsQueryError says err is the runner's own refusal or reading of the answer (a query that
// cannot run as written, an answer of the wrong shape), in the words its panel shows.
func IsQueryError(err error) bool {
	var ue *userError
	return errors.As(err, &ue)
}

// Run runs one builder query: checked and prepared from the catalog, sent through tr (the
// environments and API names lookups cached in lk, which may be nil), its pages fetched
// within the budget, its answer turned into frames. A query that cannot run as written gets
// the message its panel shows, and sends nothing. ctx's deadline also bounds the pages.
func (c *Catalog) Run(ctx context.Context, in Input, tr Transport, lk *Lookups) (res Result) {
	defer func() {
		// A bug of ours must still reach the panel as that query's error, not crash the plugin.
		if r := recover(); r != nil {
			res = Result{Error: redact(fmt.Sprintf("Unexpected error: %v", r)), Cause: ErrInternal}
		}
	}()
	frames, err := c.run(ctx, in, tr, lk, time.Now())
	if err != nil {
		var ue *userError
		msg := err.Error()
		if errors.As(err, &ue) {
			msg = ue.msg
		}
		return Result{Error: redact(msg), Cause: err}
	}
	return Result{Frames: frames}
}

// pageDeadline is when a query stops starting pages: the paging budget from its start, or
// the query's own deadline when that comes first; seconds is what the notice says.
func (c *common) pageDeadline(ctx context.Context, start time.Time) (time.Time, int) {
	budget := time.Duration(c.paging.BudgetSeconds) * time.Second
	deadline := start.Add(budget)
	if d, ok := ctx.Deadline(); ok && d.Before(deadline) {
		return d, int(math.Max(1, math.Ceil(d.Sub(start).Seconds())))
	}
	return deadline, c.paging.BudgetSeconds
}

func (c *Catalog) run(ctx context.Context, in Input, tr Transport, lk *Lookups, start time.Time) (data.Frames, error) {
	p, err := c.prepare(ctx, in, tr, lk)
	if err != nil {
		return nil, err
	}
	// API names are fetched while the query runs; the frames wait for them.
	type namesResult struct {
		names   *apiNames
		warning string
	}
	namesCh := make(chan namesResult, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				namesCh <- namesResult{names: newAPINames(nil, c.common.lookups["apiNames"].Unknown), warning: fmt.Sprint(r)}
			}
		}()
		names, warning := c.namesFor(ctx, p, tr, lk)
		namesCh <- namesResult{names, warning}
	}()
	var names namesResult
	waitNames := func() namesResult {
		if names.names == nil {
			names = <-namesCh
		}
		return names
	}
	defer waitNames()

	answer, err := tr.Do(ctx, p.first)
	if err != nil {
		return nil, err
	}
	d, err := c.common.answerData(answer)
	if err != nil {
		return nil, err
	}
	got := paged{data: d, errors: answer.Errors, pages: 1}
	if p.pager != nil {
		deadline, seconds := c.common.pageDeadline(ctx, start)
		if got, err = c.common.remainingPages(ctx, tr, p.pager, d, answer.Errors, deadline, seconds); err != nil {
			return nil, err
		}
	}
	n := waitNames()
	p.notices.warning(n.warning)
	for _, e := range got.errors {
		p.notices.warning(c.common.message("partialData", params{"error": describeGraphQLError(e)}))
	}
	p.notices.warning(got.notice)
	p.frameCtx.names = n.names
	built, err := c.common.buildFrames(p.frames, got.data, p.frameCtx)
	if err != nil {
		return nil, err
	}
	for _, w := range built.warnings {
		p.notices.warning(w)
	}
	applyMeta(built.frames, p.refID, p.frames.shape, executedQueryString(p.first.Query, p.firstVars, got.pages), p.notices.list)
	return built.frames, nil
}

// namesFor is the apiNames lookup when the frames need it: an empty map (and a warning)
// when it fails.
func (c *Catalog) namesFor(ctx context.Context, p *prepared, tr Transport, lk *Lookups) (*apiNames, string) {
	empty := newAPINames(nil, c.common.lookups["apiNames"].Unknown)
	if !p.def.hasLookup("apiNames") || p.environmentID == "" {
		return empty, ""
	}
	names, err := c.apiNameMap(ctx, tr, lk, p.settings, p.environmentID)
	if err != nil {
		return empty, c.common.message("apiNamesFailed", params{"why": errorText(err)})
	}
	return names, ""
}

func errorText(err error) string {
	var ue *userError
	if errors.As(err, &ue) {
		return ue.msg
	}
	return err.Error()
}
