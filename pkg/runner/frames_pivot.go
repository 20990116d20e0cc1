package runner

import (
	"sort"
	"unicode/utf16"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// Pivot frames (catalog/README.md, pivot; src/catalog/frames/pivot.ts): one row per item of
// rows, the key columns first, then one number column per distinct cell column name (sorted by
// UTF-16 code units, as JavaScript compares strings) holding the sum of the cells' values, 0
// where a row has no such cell. A cell whose value is there but is no number leaves its sum
// empty: the total is not known, and a 0 (or the sum of the others) would pass for one.

// pivotColumn is one cell column: the sums per row, the rows left empty, what was no number.
type pivotColumn struct {
	sums  []float64
	empty []bool
	bad   unreadable
}

func (c *common) pivotFrames(spec *frameDef, d *object, f *frameContext) (builtFrames, error) {
	base := f.base(d)
	var warnings []string
	rowsLabel := listLabel(spec.rows, "")
	rows, err := c.rowsAt(base, spec.rows, true, &warnings, "")
	if err != nil {
		return builtFrames{}, err
	}
	keys := make([][]any, len(spec.keys))
	for i := range keys {
		keys[i] = make([]any, len(rows))
	}
	sums := map[string]*pivotColumn{}
	skippedCells := 0
	for r, row := range rows {
		ctx := with(base, "row", row)
		for i, k := range spec.keys {
			keys[i][r] = orNull(evaluate(k.value, ctx, f.names))
		}
		cells, err := c.readList(ctx, spec.cells, pathLabels{"row": rowsLabel + "[]"})
		if err != nil {
			return builtFrames{}, err
		}
		for _, cell := range objectsOf(cells, &skippedCells) {
			cctx := with(ctx, "cell", cell)
			name := textOf(evaluate(spec.column, cctx, f.names), "")
			col, ok := sums[name]
			if !ok {
				col = &pivotColumn{sums: make([]float64, len(rows)), empty: make([]bool, len(rows))}
				sums[name] = col
			}
			before := col.bad.n
			if n := col.bad.read(evaluate(spec.value, cctx, f.names)); n != nil {
				col.sums[r] += *n
			} else if col.bad.n > before {
				col.empty[r] = true
			}
		}
	}
	if n := c.skippedNotice(listLabel(spec.cells, rowsLabel), skippedCells); n != "" {
		warnings = append(warnings, n)
	}
	names := make([]string, 0, len(sums))
	for name := range sums {
		names = append(names, name)
	}
	sort.Slice(names, func(i, j int) bool { return lessUTF16(names[i], names[j]) })
	warnings = append(warnings, c.unreadableNotices(spec.keys, keys)...)
	for _, name := range names {
		if n := c.unreadableNotice(name, sums[name].bad); n != "" {
			warnings = append(warnings, n)
		}
	}
	fields := make([]*data.Field, 0, len(spec.keys)+len(names))
	for i, k := range spec.keys {
		fields = append(fields, columnField(k, keys[i]))
	}
	for _, name := range names {
		col := sums[name]
		vals := make([]*float64, len(rows))
		for r := range vals {
			if !col.empty[r] {
				v := col.sums[r]
				vals[r] = &v
			}
		}
		fields = append(fields, numberField(name, vals, spec.unit, name, nil, false))
	}
	return builtFrames{frames: data.Frames{data.NewFrame("", fields...)}, warnings: warnings}, nil
}

// lessUTF16 compares as JavaScript's < on strings: by UTF-16 code units, which differs from
// Go's byte (code point) order for characters above U+FFFF against U+E000–U+FFFF.
func lessUTF16(a, b string) bool {
	ua, ub := utf16.Encode([]rune(a)), utf16.Encode([]rune(b))
	for i := 0; i < len(ua) && i < len(ub); i++ {
		if ua[i] != ub[i] {
			return ua[i] < ub[i]
		}
	}
	return len(ua) < len(ub)
}
