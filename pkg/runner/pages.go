package runner

import (
	"context"
	"fmt"
	"math"
	"time"
)

// Pagination after a paginated target's first page, within the page budget
// (catalog/README.md, Requests, pages and answers; src/runner/pages.ts).

type pager struct {
	spec    *paginationFile
	maxRows int
	asked   int // rows the first request asked for
	page    func(offset, limit int) Request
}

type pagePlan struct {
	offsets    []int
	size       int
	sequential bool // no usable total: one after another until a short page
	cut        bool // the page budget cut the offsets short
}

// plan says which pages follow the first: more only when rows are still wanted and the server
// has them — it returned fewer than asked while its total says more exist (it caps its page
// size: later pages use that size), or maxRows is above the page limit. Never more than the
// budget's pages per query.
func (p *pager) plan(rows int, total float64, maxPages int) pagePlan {
	budget := maxPages - 1
	var offsets []int
	fr := float64(rows)
	if rows > 0 && fr < math.Min(total, float64(p.maxRows)) {
		size := p.asked
		if rows < p.asked && total > fr {
			size = rows
		}
		wanted := math.Min(total, float64(p.maxRows))
		for offset := rows; float64(offset) < wanted && len(offsets) <= budget; offset += size {
			offsets = append(offsets, offset)
		}
		cut := len(offsets) > budget
		if cut {
			offsets = offsets[:budget]
		}
		return pagePlan{offsets: offsets, size: size, cut: cut}
	}
	if rows == p.asked && p.asked < p.maxRows && total <= fr {
		for offset := p.asked; offset < p.maxRows && len(offsets) < budget; offset += p.asked {
			offsets = append(offsets, offset)
		}
		return pagePlan{offsets: offsets, size: p.asked, sequential: true}
	}
	return pagePlan{size: p.asked}
}

type paged struct {
	data   *object
	errors []GraphQLError
	pages  int
	notice string
}

type pageResult struct {
	index  int
	rows   []any
	errors []GraphQLError
	err    error
}

// remainingPages fetches the rest of a paginated target after its first page: at most
// maxPages pages, maxConcurrentPages at a time, none started after the deadline (and those in
// flight then abandoned). Rows are kept in page order up to the first page that did not arrive;
// the notice says what was left out and why. A page that fails for another reason fails the
// target, as in the browser.
func (c *common) remainingPages(ctx context.Context, tr Transport, p *pager, first *object, firstErrors []GraphQLError, deadline time.Time, seconds int) (paged, error) {
	rowsPath := "data." + p.spec.Rows
	firstRows, err := c.readList(obj("data", first), rowsPath, nil)
	if err != nil {
		return paged{}, err
	}
	total := 0.0
	if t := readNumber(getPath(first, p.spec.Total)); t != nil {
		total = *t
	}
	plan := p.plan(len(firstRows), total, c.paging.MaxPages)
	pages := make([][]any, len(plan.offsets))
	arrived := make([]bool, len(plan.offsets))
	pageErrors := make([][]GraphQLError, len(plan.offsets))
	short := len(plan.offsets)

	limitAt := func(i int) int { return min(plan.size, p.maxRows-plan.offsets[i]) }
	pctx, cancel := context.WithDeadline(ctx, deadline)
	defer cancel()
	fetch := func(i int) pageResult {
		if pctx.Err() != nil {
			return pageResult{index: i, err: pctx.Err()}
		}
		answer, err := tr.Do(pctx, p.page(plan.offsets[i], limitAt(i)))
		if err != nil {
			return pageResult{index: i, err: err}
		}
		d, err := c.answerData(answer)
		if err != nil {
			return pageResult{index: i, err: err}
		}
		rows, err := c.readList(obj("data", d), rowsPath, nil)
		return pageResult{index: i, rows: rows, errors: answer.Errors, err: err}
	}
	// A page that failed because the budget ran out did not arrive; any other failure is
	// the target's error.
	timedOut := func(r pageResult) bool { return r.err != nil && pctx.Err() != nil }

	if len(plan.offsets) > 0 && plan.sequential {
		for i := range plan.offsets {
			r := fetch(i)
			if timedOut(r) {
				break
			}
			if r.err != nil {
				return paged{}, r.err
			}
			pages[i], arrived[i], pageErrors[i] = r.rows, true, r.errors
			if len(r.rows) < limitAt(i) {
				short = i + 1
				break
			}
		}
	} else if len(plan.offsets) > 0 {
		if err := c.fetchConcurrently(pctx, len(plan.offsets), fetch, timedOut, func(r pageResult) {
			pages[r.index], arrived[r.index], pageErrors[r.index] = r.rows, true, r.errors
		}); err != nil {
			return paged{}, err
		}
	}

	rows := append([]any(nil), firstRows...)
	errs := append([]GraphQLError(nil), firstErrors...)
	got := 0
	for got < min(short, len(pages)) && arrived[got] {
		rows = append(rows, pages[got]...)
		got++
	}
	// Every page that arrived says its errors, as in the browser, even one whose rows are
	// not shown because an earlier page did not arrive.
	for i := range pages {
		errs = append(errs, pageErrors[i]...)
	}
	out := paged{errors: errs, pages: 1 + got}
	shown := min(len(rows), p.maxRows)
	fr := float64(len(rows))
	switch {
	case got < min(short, len(pages)):
		out.notice = c.message("pagesTimedOut", params{"shown": shown, "seconds": seconds})
	case plan.cut:
		out.notice = c.message("pagesCut", params{"shown": shown, "total": total, "size": plan.size, "pages": c.paging.MaxPages})
	case math.Max(total, fr) > float64(p.maxRows):
		if total >= fr {
			out.notice = c.message("rowsCut", params{"shown": p.maxRows, "total": total})
		} else {
			out.notice = c.message("rowsCutUnknownTotal", params{"shown": p.maxRows})
		}
	}
	out.data = withRows(first, p.spec.Rows, rows[:shown])
	return out, nil
}

// fetchConcurrently runs fetch for 0..n-1, maxConcurrentPages at a time, handing each page
// that arrived to keep. It returns at the first failure that is not the budget's, or when
// every page is done, or at the deadline without waiting for pages still in flight (a
// transport that ignores ctx cannot hold the query past its budget).
func (c *common) fetchConcurrently(ctx context.Context, n int, fetch func(int) pageResult, timedOut func(pageResult) bool, keep func(pageResult)) error {
	results := make(chan pageResult, n) // buffered: a late page never blocks its goroutine
	next, running, done := 0, 0, 0
	start := func() {
		for running < c.paging.MaxConcurrentPages && next < n && ctx.Err() == nil {
			i := next
			next++
			running++
			go func() { results <- safePage(i, fetch) }()
		}
	}
	start()
	for done < next {
		select {
		case r := <-results:
			running--
			done++
			if r.err != nil && !timedOut(r) {
				return r.err
			}
			if r.err == nil {
				keep(r)
			}
			start()
		case <-ctx.Done():
			return nil
		}
	}
	return nil
}

// safePage turns a panic of ours in a page into that page's error.
func safePage(i int, fetch func(int) pageResult) (r pageResult) {
	defer func() {
		if p := recover(); p != nil {
			r = pageResult{index: i, err: &userError{fmt.Sprintf("Unexpected error: %v", p)}}
		}
	}()
	return fetch(i)
}

// withRows is a copy of data with the list at the dot path replaced by rows (objects made on
// the way where there are none).
func withRows(data *object, path string, rows []any) *object {
	head, rest, nested := cutDot(path)
	out := newObject()
	if data != nil {
		out = data.Clone()
	}
	if !nested {
		out.Set(head, rows)
		return out
	}
	inner, _ := out.value(head).(*object)
	out.Set(head, withRows(inner, rest, rows))
	return out
}

func cutDot(path string) (string, string, bool) {
	for i := 0; i < len(path); i++ {
		if path[i] == '.' {
			return path[:i], path[i+1:], true
		}
	}
	return path, "", false
}
