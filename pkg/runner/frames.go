package runner

import (
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// Frames as catalog/README.md, Frames, describes them, built with the SDK's data package:
// time fields []time.Time (the time series axis) or []*time.Time, numbers []*float64, strings
// []*string.

// frameContext is what frame specs read besides the answer (catalog/README.md, Frame context).
type frameContext struct {
	options     *object
	attrs       *object
	granularity string
	fromMs      int64
	toMs        int64
	names       nameLookups
}

func (f *frameContext) base(d *object) *object {
	return obj("data", d, "options", f.options, "attrs", f.attrs, "granularity", f.granularity)
}

// with is the context with one more name (item, row, cell).
func with(ctx *object, name string, v any) *object {
	c := ctx.Clone()
	c.Set(name, v)
	return c
}

// builtFrames are the frames of one answer plus the warnings they give.
type builtFrames struct {
	frames   data.Frames
	warnings []string
}

func (c *common) buildFrames(spec *frameDef, d *object, f *frameContext) (builtFrames, error) {
	switch spec.kind {
	case "timeSeries":
		return c.timeSeriesFrames(spec, d, f)
	case "table":
		return c.tableFrames(spec, d, f)
	}
	return c.pivotFrames(spec, d, f)
}

func msTime(ms int64) time.Time { return time.UnixMilli(ms).UTC() }

func fieldConfig(unit, displayName string, right bool) *data.FieldConfig {
	if unit == "" && displayName == "" && !right {
		return nil
	}
	fc := &data.FieldConfig{Unit: unit, DisplayNameFromDS: displayName}
	if right {
		fc.Custom = map[string]any{"axisPlacement": "right"}
	}
	return fc
}

// numberField is a number field; unit and display name set only when not empty, labels only
// when there are some.
func numberField(name string, values []*float64, unit, displayName string, labels map[string]string, right bool) *data.Field {
	field := data.NewField(name, nil, values)
	field.Config = fieldConfig(unit, displayName, right)
	if len(labels) > 0 {
		field.Labels = data.Labels(labels)
	}
	return field
}

// textOf is a value as text, whatever came off the network (src/frames/depth.ts): a string as
// it is, null and absent as the fallback, a list or object as its (bounded) JSON, anything else
// as String(v).
func textOf(v any, fallback string) string {
	switch x := v.(type) {
	case string:
		return x
	case nil, absentValue:
		return fallback
	case []any, *object:
		return safeJSON(x)
	}
	return jsString(v)
}

// fieldText is a string field's value: text as it is, null as nil, a list or object as its
// JSON (or a marker when it nests too deep to print), anything else as String(v).
func fieldText(v any) *string {
	var s string
	switch x := v.(type) {
	case nil, absentValue:
		return nil
	case string:
		s = x
	case []any, *object:
		s = safeJSON(x)
	default:
		s = jsString(x)
	}
	return &s
}

// maxDepth is how deep a value may nest before a string field stops printing it (the
// browser's JSON.stringify overflows near 10,000).
const maxDepth = 64

// nestsDeeperThan says, without recursion and visiting at most budget values, whether v nests
// more than max lists or objects deep.
func nestsDeeperThan(v any, limit, budget int) bool {
	type item struct {
		v     any
		depth int
	}
	stack := []item{{v, 0}}
	visited := 0
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		var children []any
		switch x := it.v.(type) {
		case []any:
			children = x
		case *object:
			children = x.vals
		default:
			continue
		}
		if it.depth >= limit {
			return true
		}
		visited++
		if visited > budget {
			return false
		}
		for _, ch := range children {
			switch ch.(type) {
			case []any, *object:
				stack = append(stack, item{ch, it.depth + 1})
			}
		}
	}
	return false
}

func safeJSON(v any) string {
	if nestsDeeperThan(v, maxDepth, 1_000_000) {
		return "[nested more than 64 levels deep]"
	}
	return jsonText(v, "")
}

var dataPlaneTypes = map[string]data.FrameType{
	"timeseries-wide": data.FrameTypeTimeSeriesWide,
	"numeric-wide":    data.FrameTypeNumericWide,
	"numeric-long":    data.FrameTypeNumericLong,
}

// applyMeta sets refId and the meta every frame of a query carries: the data plane type (a
// table has none: it prefers the table visualisation), the executed query, the notices.
func applyMeta(frames data.Frames, refID, shape, executed string, ns []data.Notice) {
	for _, fr := range frames {
		fr.RefID = refID
		m := &data.FrameMeta{ExecutedQueryString: executed}
		if t, ok := dataPlaneTypes[shape]; ok {
			m.Type = t
			m.TypeVersion = data.FrameTypeVersion{0, 1}
		} else {
			m.PreferredVisualization = data.VisTypeTable
		}
		if len(ns) > 0 {
			m.Notices = append([]data.Notice(nil), ns...)
		}
		fr.Meta = m
	}
}
