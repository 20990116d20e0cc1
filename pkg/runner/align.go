package runner

import (
	"math"
	"sort"
)

// Series bucketed independently by the API, put on one time axis (catalog/README.md,
// timeSeries, steps 1–3; src/frames/align.ts).

// gridLimit: no grid over a range of more steps than this (a 1m grid over years is not drawn).
const gridLimit = 100_000

type pointSeries struct {
	times  []int64
	values []*float64
	zero   bool // fill "zero": a missing bucket is 0, else null
}

type aligned struct {
	times   []int64
	columns [][]*float64
}

// alignSeries merges the series' times (sorted, no duplicates) and, when any series counts
// (fill zero) and the step is known, adds the bucket grid anchored on the axis' first time, so
// quiet periods show as zeros instead of lines drawn across them; each series' value at a time
// it lacks is 0 or null by its fill, and a duplicated bucket keeps its last value.
func alignSeries(series []pointSeries, fromMs, toMs, stepMs int64) aligned {
	counts := false
	lists := make([][]int64, len(series))
	sorted := make([]pointSeries, len(series))
	for i, s := range series {
		counts = counts || s.zero
		sorted[i] = sortSeries(s)
		lists[i] = sorted[i].times
	}
	times := mergeTimes(lists)
	if counts {
		times = withGrid(times, fromMs, toMs, stepMs)
	}
	cols := make([][]*float64, len(sorted))
	for i, s := range sorted {
		cols[i] = project(s, times)
	}
	return aligned{times: times, columns: cols}
}

// sortSeries orders a series by time, stably (equal times keep their order, so the last
// duplicate still wins).
func sortSeries(s pointSeries) pointSeries {
	if sort.SliceIsSorted(s.times, func(i, j int) bool { return s.times[i] < s.times[j] }) {
		return s
	}
	idx := make([]int, len(s.times))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return s.times[idx[a]] < s.times[idx[b]] })
	out := pointSeries{times: make([]int64, len(idx)), values: make([]*float64, len(idx)), zero: s.zero}
	for to, from := range idx {
		out.times[to], out.values[to] = s.times[from], s.values[from]
	}
	return out
}

// mergeTimes is the union of sorted lists, sorted, without duplicates.
func mergeTimes(lists [][]int64) []int64 {
	heads := make([]int, len(lists))
	out := []int64{}
	for {
		found := false
		var lowest int64
		for k, l := range lists {
			if h := heads[k]; h < len(l) && (!found || l[h] < lowest) {
				lowest, found = l[h], true
			}
		}
		if !found {
			return out
		}
		out = append(out, lowest)
		for k, l := range lists {
			for heads[k] < len(l) && l[heads[k]] == lowest {
				heads[k]++
			}
		}
	}
}

// project is a series' value at each axis time.
func project(s pointSeries, times []int64) []*float64 {
	out := make([]*float64, len(times))
	j := 0
	for i, t := range times {
		for j < len(s.times) && s.times[j] < t {
			j++
		}
		found := false
		var v *float64
		for j < len(s.times) && s.times[j] == t {
			v, found = s.values[j], true
			j++
		}
		if found {
			out[i] = v
		} else if s.zero {
			z := 0.0
			out[i] = &z
		}
	}
	return out
}

// withGrid adds every anchor + k × step with t + step > from and t < to.
func withGrid(axis []int64, fromMs, toMs, stepMs int64) []int64 {
	if len(axis) == 0 || stepMs <= 0 || toMs <= fromMs || float64(toMs-fromMs)/float64(stepMs) > gridLimit {
		return axis
	}
	anchor := axis[0]
	// The first grid bucket whose span reaches into the range (start > from − step). Doubles,
	// as in the browser: the operands are whole milliseconds far below 2^53.
	first := anchor + int64(math.Floor(float64(fromMs-anchor)/float64(stepMs)))*stepMs
	var grid []int64
	for t := first; t < toMs; t += stepMs {
		if t+stepMs > fromMs {
			grid = append(grid, t)
		}
	}
	return mergeTimes([][]int64{axis, grid})
}
