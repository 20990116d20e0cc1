package runner

import (
	"math"
	"sort"
	"strings"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// Table frames (catalog/README.md, table; src/catalog/frames/table.ts): a row per list item
// (or the answer itself with "single"), a field per column.

// listLabel is where a list is, for messages: data.x.y → x.y, row.cells → <rows>[].cells.
func listLabel(path, rowsLabel string) string {
	if strings.HasPrefix(path, "row.") {
		return rowsLabel + "[]." + path[4:]
	}
	return stripData(path)
}

// stripData drops a leading "data" segment (/^data\.?/).
func stripData(path string) string {
	if strings.HasPrefix(path, "data") {
		rest := path[4:]
		return strings.TrimPrefix(rest, ".")
	}
	return path
}

// rowsAt is a list's rows: its objects (the others left out and said), or for a list of plain
// values (tenants) its non-null items.
func (c *common) rowsAt(ctx *object, path string, objects bool, warnings *[]string, rowsLabel string) ([]any, error) {
	list, err := c.readList(ctx, path, pathLabels{"row": rowsLabel + "[]"})
	if err != nil {
		return nil, err
	}
	if !objects {
		out := make([]any, 0, len(list))
		for _, r := range list {
			if r != nil {
				out = append(out, r)
			}
		}
		return out, nil
	}
	skipped := 0
	rows := objectsOf(list, &skipped)
	if n := c.skippedNotice(listLabel(path, rowsLabel), skipped); n != "" {
		*warnings = append(*warnings, n)
	}
	return rows, nil
}

// readsFields: whether any column reads a field of its row (then rows must be objects); any
// text of the expressions that starts with "row." counts, as the browser's check does.
func readsFields(cols []*columnDef) bool {
	var mentions func(e any) bool
	mentions = func(e any) bool {
		switch x := e.(type) {
		case string:
			return strings.HasPrefix(x, "row.")
		case []any:
			for _, item := range x {
				if mentions(item) {
					return true
				}
			}
		case *object:
			for _, k := range x.keys {
				if strings.HasPrefix(k, "row.") || mentions(x.value(k)) {
					return true
				}
			}
		}
		return false
	}
	for _, col := range cols {
		if mentions(col.value) {
			return true
		}
	}
	return false
}

// columnField reads a column's values as its type: times parsed (text only), numbers read, the
// rest as text.
func columnField(col *columnDef, values []any) *data.Field {
	switch col.typ {
	case "time":
		times := make([]*time.Time, len(values))
		for i, v := range values {
			if ms, ok := timeOf(v); ok {
				t := msTime(ms)
				times[i] = &t
			}
		}
		return data.NewField(col.name, nil, times)
	case "number":
		nums := make([]*float64, len(values))
		for i, v := range values {
			nums[i] = readNumber(v)
		}
		return numberField(col.name, nums, col.unit, col.displayName, nil, false)
	}
	strs := make([]*string, len(values))
	for i, v := range values {
		strs[i] = fieldText(v)
	}
	return data.NewField(col.name, nil, strs)
}

func timeOf(v any) (int64, bool) {
	s, ok := v.(string)
	if !ok {
		return 0, false
	}
	return parseTimeSpan(s)
}

// sortKey is a value's place in a sort: the number its field holds (epoch ms for times), nil
// for none (strings have none).
func sortKey(col *columnDef, v any) *float64 {
	switch col.typ {
	case "number":
		return readNumber(v)
	case "time":
		if ms, ok := timeOf(v); ok {
			f := float64(ms)
			return &f
		}
	}
	return nil
}

func (c *common) tableFrames(spec *frameDef, d *object, f *frameContext) (builtFrames, error) {
	base := f.base(d)
	var warnings []string
	var rows []any
	if spec.single {
		rows = []any{d}
	} else {
		var err error
		if rows, err = c.rowsAt(base, spec.rows, readsFields(spec.columns), &warnings, ""); err != nil {
			return builtFrames{}, err
		}
	}
	values := make([][]any, len(spec.columns))
	for i, col := range spec.columns {
		values[i] = make([]any, len(rows))
		for r, row := range rows {
			values[i][r] = orNull(evaluate(col.value, with(base, "row", row), f.names))
		}
	}
	// Counted before the sort: the notice names the first such value in the answer's order.
	warnings = append(warnings, c.unreadableNotices(spec.columns, values)...)
	if spec.sort != nil {
		sortRows(spec, values, len(rows))
	}
	fields := make([]*data.Field, len(spec.columns))
	for i, col := range spec.columns {
		fields[i] = columnField(col, values[i])
	}
	return builtFrames{frames: data.Frames{data.NewFrame("", fields...)}, warnings: warnings}, nil
}

// unreadableNotices are the warnings of number columns whose values are there but are no
// numbers, in column order.
func (c *common) unreadableNotices(cols []*columnDef, values [][]any) []string {
	var out []string
	for i, col := range cols {
		if col.typ != "number" {
			continue
		}
		name := col.displayName
		if name == "" {
			name = col.name
		}
		if n := c.unreadableNotice(name, unreadableIn(values[i])); n != "" {
			out = append(out, n)
		}
	}
	return out
}

func orNull(v any) any {
	if isAbsent(v) {
		return nil
	}
	return v
}

// sortRows orders the rows by the sort column's numbers: stable (equal keys keep the answer's
// order), rows without a number last whatever the order.
func sortRows(spec *frameDef, values [][]any, n int) {
	at := 0
	for i, col := range spec.columns {
		if col.name == spec.sort.Column {
			at = i
		}
	}
	keys := make([]float64, n)
	for r := range keys {
		keys[r] = math.Inf(-1)
		if k := sortKey(spec.columns[at], values[at][r]); k != nil {
			keys[r] = *k
		}
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	desc := spec.sort.Order == "desc"
	sort.SliceStable(order, func(a, b int) bool {
		ka, kb := keys[order[a]], keys[order[b]]
		if ka == kb {
			return false
		}
		if math.IsInf(ka, -1) || math.IsInf(kb, -1) {
			return !math.IsInf(ka, -1)
		}
		if desc {
			return ka > kb
		}
		return ka < kb
	})
	for i, col := range values {
		sorted := make([]any, n)
		for to, from := range order {
			sorted[to] = col[from]
		}
		values[i] = sorted
	}
}
