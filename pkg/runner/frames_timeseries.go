package runner

import (
	"math"
	"sort"
	"strings"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// One timeseries-wide frame (catalog/README.md, timeSeries; src/catalog/frames/timeSeries.ts):
// a Time field and one number field per series, aligned on one axis.

// seriesText is a series' text (field, unit, labels, sort key).
func seriesText(v any, fallback string) string { return textOf(v, fallback) }

// itemLabel is where an each list's items are, for messages: data.getX → getX[].
func itemLabel(each string) string {
	return stripData(each) + "[]"
}

// bucketsLabel: item.usage → <each>[].usage; data.x.y → x.y.
func bucketsLabel(path, items string) string {
	if strings.HasPrefix(path, "item.") {
		return items + "." + path[5:]
	}
	return stripData(path)
}

type builtSeries struct {
	field, displayName, unit string
	labels                   map[string]string
	right                    bool
	points                   pointSeries
	bad                      unreadable
}

func (c *common) timeSeriesFrames(spec *frameDef, d *object, f *frameContext) (builtFrames, error) {
	base := f.base(d)
	var warnings []string
	dropped := 0
	spans := &spanCache{}
	var series []builtSeries
	for _, s := range spec.series {
		scopes := []*object{base}
		items := ""
		if s.each != "" {
			items = itemLabel(s.each)
			list, err := c.readList(base, s.each, nil)
			if err != nil {
				return builtFrames{}, err
			}
			skipped := 0
			objs := objectsOf(list, &skipped)
			if limit, ok := evaluate(s.limit, base, f.names).(float64); ok && limit >= 0 {
				// slice(0, limit): a fraction is cut to its whole part.
				objs = objs[:int(math.Min(math.Trunc(limit), float64(len(objs))))]
			}
			scopes = scopes[:0]
			for _, item := range objs {
				scopes = append(scopes, with(base, "item", item))
			}
			if !isAbsent(s.sortBy) {
				scopes = sortScopes(scopes, s.sortBy, f)
			}
			if n := c.skippedNotice(items, skipped); n != "" {
				warnings = append(warnings, n)
			}
		}
		skippedBuckets := 0
		for _, ctx := range scopes {
			if !isAbsent(s.include) && evaluate(s.include, ctx, f.names) != true {
				continue
			}
			list, err := c.readList(ctx, s.buckets, pathLabels{"item": items})
			if err != nil {
				return builtFrames{}, err
			}
			b := builtSeries{
				field:  seriesText(evaluate(s.field, ctx, f.names), ""),
				unit:   seriesText(evaluate(s.unit, ctx, f.names), ""),
				right:  s.axis == "right",
				labels: c.seriesLabels(s, ctx, f),
			}
			b.points = readPoints(objectsOf(list, &skippedBuckets), s, evaluate(s.fill, ctx, f.names) != "null", &dropped, spans, &b.bad)
			if !isAbsent(s.displayName) {
				b.displayName = seriesText(evaluate(s.displayName, ctx, f.names), "")
			}
			series = append(series, b)
		}
		if n := c.skippedNotice(bucketsLabel(s.buckets, items), skippedBuckets); n != "" {
			warnings = append(warnings, n)
		}
	}
	step := c.stepOf(spec, d, f)
	points := make([]pointSeries, len(series))
	for i, s := range series {
		points[i] = s.points
	}
	al := alignSeries(points, f.fromMs, f.toMs, step)
	times := make([]time.Time, len(al.times))
	for i, t := range al.times {
		times[i] = msTime(t)
	}
	fields := []*data.Field{data.NewField("Time", nil, times)}
	for i, s := range series {
		fields = append(fields, numberField(s.field, al.columns[i], s.unit, s.displayName, s.labels, s.right))
	}
	if dropped > 0 {
		warnings = append(warnings, c.message("droppedBuckets", params{"n": dropped}))
	}
	// After the lists' notices, in field order, as the browser says them.
	for _, s := range series {
		name := s.displayName
		if name == "" {
			name = s.field
		}
		if n := c.unreadableNotice(name, s.bad); n != "" {
			warnings = append(warnings, n)
		}
	}
	return builtFrames{frames: data.Frames{data.NewFrame("", fields...)}, warnings: warnings}, nil
}

// sortScopes orders each-items by a text (UTF-16 code units, stable): the same series order
// whatever order the API sends them in.
func sortScopes(scopes []*object, key any, f *frameContext) []*object {
	keys := make([]string, len(scopes))
	for i, ctx := range scopes {
		keys[i] = seriesText(evaluate(key, ctx, f.names), "")
	}
	order := make([]int, len(scopes))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return lessUTF16(keys[order[a]], keys[order[b]]) })
	out := make([]*object, len(scopes))
	for to, from := range order {
		out[to] = scopes[from]
	}
	return out
}

// seriesLabels are the labels whose values are present, as text.
func (c *common) seriesLabels(s *seriesDef, ctx *object, f *frameContext) map[string]string {
	if len(s.labels) == 0 {
		return nil
	}
	out := map[string]string{}
	for _, l := range s.labels {
		if v := evaluate(l.expr, ctx, f.names); isPresent(v) {
			out[l.key] = seriesText(v, "")
		}
	}
	return out
}

// spanCache keeps the times of the last series read: the series of one answer usually repeat
// the same bucket times, and a string compare costs less than a parse.
type spanCache struct {
	texts []string
	times []int64
}

func (c *spanCache) parse(v any, i int) (int64, bool) {
	s, ok := v.(string)
	if !ok {
		return 0, false
	}
	if i < len(c.texts) && c.texts[i] == s {
		return c.times[i], true
	}
	ms, ok := parseTimeSpan(s)
	if ok && i <= len(c.texts) {
		if i == len(c.texts) {
			c.texts, c.times = append(c.texts, s), append(c.times, ms)
		} else {
			c.texts[i], c.times[i] = s, ms
		}
	}
	return ms, ok
}

// readPoints reads buckets into a series, dropping (and counting) those whose time cannot be
// read; bad counts the values of kept buckets that are there but are no numbers.
func readPoints(buckets []any, s *seriesDef, zero bool, dropped *int, spans *spanCache, bad *unreadable) pointSeries {
	p := pointSeries{zero: zero, times: make([]int64, 0, len(buckets)), values: make([]*float64, 0, len(buckets))}
	for i, b := range buckets {
		ms, ok := spans.parse(getPath(b, s.time), i)
		if !ok {
			*dropped++
			continue
		}
		p.times = append(p.times, ms)
		p.values = append(p.values, bad.read(getPath(b, s.value)))
	}
	return p
}

// stepOf is the bucket step: the first granularity the answer names, else the one asked for.
func (c *common) stepOf(spec *frameDef, d *object, f *frameContext) int64 {
	root := obj("data", d)
	for _, p := range spec.granularityFrom {
		if g, ok := getPath(root, p).(string); ok {
			if ms, known := c.step(g); known {
				return ms
			}
		}
	}
	ms, _ := c.step(f.granularity)
	return ms
}
