package runner

import (
	"encoding/json"
	"errors"
	"fmt"
)

var frameShapes = map[string]bool{"timeseries-wide": true, "numeric-wide": true, "numeric-long": true, "table": true}

// compileFrames reads a frame spec and checks that its kind has what it needs and nothing
// another kind would read.
func compileFrames(ff *framesFile) (*frameDef, error) {
	if !frameShapes[ff.Shape] {
		return nil, fmt.Errorf("unknown shape %q", ff.Shape)
	}
	f := &frameDef{kind: ff.Kind, shape: ff.Shape, granularityFrom: ff.GranularityFrom, single: ff.Single,
		rows: ff.Rows, sort: ff.Sort, cells: ff.Cells, unit: ff.Unit}
	var err error
	if f.column, err = parseJSONOrAbsent(ff.Column); err != nil {
		return nil, fmt.Errorf("column: %w", err)
	}
	if f.value, err = parseJSONOrAbsent(ff.Value); err != nil {
		return nil, fmt.Errorf("value: %w", err)
	}
	if f.columns, err = compileColumns(ff.Columns); err != nil {
		return nil, fmt.Errorf("columns: %w", err)
	}
	if f.keys, err = compileColumns(ff.Keys); err != nil {
		return nil, fmt.Errorf("keys: %w", err)
	}
	for i := range ff.Series {
		s, err := compileSeries(&ff.Series[i])
		if err != nil {
			return nil, fmt.Errorf("series[%d]: %w", i, err)
		}
		f.series = append(f.series, s)
	}
	tableKeys := len(ff.Columns) > 0 || ff.Single || ff.Sort != nil
	pivotKeys := len(ff.Keys) > 0 || ff.Cells != "" || !isAbsent(f.column) || !isAbsent(f.value) || ff.Unit != ""
	switch ff.Kind {
	case "timeSeries":
		if ff.Incremental != nil {
			if _, err := parseJSONOrAbsent(ff.Incremental.Key); err != nil {
				return nil, fmt.Errorf("incremental.key: %w", err)
			}
		}
		if len(f.series) == 0 || tableKeys || pivotKeys || ff.Rows != "" {
			return nil, errors.New("a timeSeries frame has series and no table or pivot keys")
		}
	case "table":
		if len(f.columns) == 0 || pivotKeys || len(ff.Series) > 0 || len(ff.GranularityFrom) > 0 || ff.Incremental != nil {
			return nil, errors.New("a table frame has columns and no series or pivot keys")
		}
		if ff.Single == (ff.Rows != "") {
			return nil, errors.New(`a table frame has either "rows" or "single": true`)
		}
		if ff.Sort != nil {
			found := false
			for _, c := range f.columns {
				found = found || c.name == ff.Sort.Column
			}
			if !found || (ff.Sort.Order != "asc" && ff.Sort.Order != "desc") {
				return nil, fmt.Errorf("sort: %q must name a column, order asc or desc", ff.Sort.Column)
			}
		}
	case "pivot":
		if ff.Rows == "" || len(f.keys) == 0 || ff.Cells == "" || isAbsent(f.column) || isAbsent(f.value) ||
			len(ff.Columns) > 0 || ff.Single || ff.Sort != nil || len(ff.Series) > 0 || len(ff.GranularityFrom) > 0 || ff.Incremental != nil {
			return nil, errors.New("a pivot frame has rows, keys, cells, column and value, and no series or columns")
		}
	default:
		return nil, fmt.Errorf("unknown kind %q", ff.Kind)
	}
	return f, nil
}

func compileColumns(cols []columnFile) ([]*columnDef, error) {
	var out []*columnDef
	for _, cf := range cols {
		switch cf.Type {
		case "time", "string", "number":
		default:
			return nil, fmt.Errorf("column %q: unknown type %q", cf.Name, cf.Type)
		}
		v, err := parseJSONOrAbsent(cf.Value)
		if err != nil {
			return nil, fmt.Errorf("column %q: %w", cf.Name, err)
		}
		if cf.Name == "" || isAbsent(v) {
			return nil, errors.New("a column needs a name and a value")
		}
		out = append(out, &columnDef{name: cf.Name, typ: cf.Type, value: v, unit: cf.Unit, displayName: cf.DisplayName})
	}
	return out, nil
}

func compileSeries(sf *seriesFile) (*seriesDef, error) {
	s := &seriesDef{each: sf.Each, buckets: sf.Buckets, time: sf.Time, value: sf.Value, axis: sf.Axis}
	if s.buckets == "" || s.time == "" || s.value == "" {
		return nil, errors.New("a series needs buckets, time and value")
	}
	if s.axis != "" && s.axis != "right" {
		return nil, fmt.Errorf(`axis %q: only "right"`, s.axis)
	}
	exprs := []struct {
		raw json.RawMessage
		to  *any
	}{
		{sf.Limit, &s.limit}, {sf.SortBy, &s.sortBy}, {sf.Include, &s.include}, {sf.Field, &s.field},
		{sf.DisplayName, &s.displayName}, {sf.Unit, &s.unit}, {sf.Fill, &s.fill},
	}
	for _, e := range exprs {
		v, err := parseJSONOrAbsent(e.raw)
		if err != nil {
			return nil, err
		}
		*e.to = v
	}
	if isAbsent(s.field) {
		return nil, errors.New("a series needs a field")
	}
	if (!isAbsent(s.limit) || !isAbsent(s.sortBy)) && s.each == "" {
		return nil, errors.New(`"limit" and "sortBy" need "each"`)
	}
	labels, err := parseJSONOrAbsent(sf.Labels)
	if err != nil {
		return nil, fmt.Errorf("labels: %w", err)
	}
	if !isAbsent(labels) {
		lo, ok := labels.(*object)
		if !ok {
			return nil, errors.New("labels must be an object of expressions")
		}
		for _, k := range lo.Keys() {
			if k != "$comment" {
				s.labels = append(s.labels, labelDef{key: k, expr: lo.value(k)})
			}
		}
		if s.labels == nil {
			s.labels = []labelDef{}
		}
	}
	return s, nil
}
