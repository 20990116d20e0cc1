package runner

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// jsonText is JSON.stringify(v) (indent "") or JSON.stringify(v, null, indent): keys in
// JavaScript's order (array-index keys first, ascending, then insertion order), numbers as
// JavaScript prints them, no HTML escaping, U+2028 and U+2029 left as they are. Absent values
// are left out of objects and written as null in lists, as JSON.stringify does.
func jsonText(v any, indent string) string {
	var b strings.Builder
	writeJSON(&b, v, indent, "")
	return b.String()
}

func writeJSON(b *strings.Builder, v any, indent, prefix string) {
	switch x := v.(type) {
	case nil, absentValue:
		b.WriteString("null")
	case bool:
		if x {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
	case float64:
		if x-x != 0 { // NaN and infinities: JSON.stringify writes null
			b.WriteString("null")
		} else {
			b.WriteString(jsNumber(x))
		}
	case int:
		b.WriteString(strconv.Itoa(x))
	case int64:
		b.WriteString(strconv.FormatInt(x, 10))
	case string:
		writeJSONString(b, x)
	case []any:
		if len(x) == 0 {
			b.WriteString("[]")
			return
		}
		inner := prefix + indent
		b.WriteByte('[')
		for i, item := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			newline(b, indent, inner)
			writeJSON(b, item, indent, inner)
		}
		newline(b, indent, prefix)
		b.WriteByte(']')
	case *object:
		keys := jsKeyOrder(x)
		n := 0
		inner := prefix + indent
		for _, k := range keys {
			val := x.value(k)
			if isAbsent(val) {
				continue
			}
			if n == 0 {
				b.WriteByte('{')
			} else {
				b.WriteByte(',')
			}
			n++
			newline(b, indent, inner)
			writeJSONString(b, k)
			b.WriteByte(':')
			if indent != "" {
				b.WriteByte(' ')
			}
			writeJSON(b, val, indent, inner)
		}
		if n == 0 {
			b.WriteString("{}")
			return
		}
		newline(b, indent, prefix)
		b.WriteByte('}')
	default:
		b.WriteString("null")
	}
}

func newline(b *strings.Builder, indent, prefix string) {
	if indent != "" {
		b.WriteByte('\n')
		b.WriteString(prefix)
	}
}

// jsKeyOrder is the order JavaScript enumerates an object's keys in: integer keys (array
// indexes, below 2^32 − 1) ascending, then the others as inserted.
func jsKeyOrder(o *object) []string {
	var idx []string
	for _, k := range o.keys {
		if isArrayIndex(k) {
			idx = append(idx, k)
		}
	}
	if len(idx) == 0 {
		return o.keys
	}
	sort.Slice(idx, func(i, j int) bool {
		a, _ := strconv.ParseUint(idx[i], 10, 64)
		c, _ := strconv.ParseUint(idx[j], 10, 64)
		return a < c
	})
	out := append([]string(nil), idx...)
	for _, k := range o.keys {
		if !isArrayIndex(k) {
			out = append(out, k)
		}
	}
	return out
}

func isArrayIndex(k string) bool {
	if k == "" || len(k) > 10 || (len(k) > 1 && k[0] == '0') {
		return false
	}
	for i := 0; i < len(k); i++ {
		if k[i] < '0' || k[i] > '9' {
			return false
		}
	}
	n, err := strconv.ParseUint(k, 10, 64)
	return err == nil && n < 4294967295
}

const hexDigits = "0123456789abcdef"

// writeJSONString quotes as JSON.stringify: ", \ and control characters escaped (\b \t \n \f
// \r by name, others as \u00xx), everything else, including <, >, & and U+2028, as it is.
// Invalid UTF-8 (a lone surrogate cannot be held otherwise) is written as \ufffd.
func writeJSONString(b *strings.Builder, s string) {
	b.WriteByte('"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch c {
			case '"':
				b.WriteString(`\"`)
			case '\\':
				b.WriteString(`\\`)
			case '\b':
				b.WriteString(`\b`)
			case '\t':
				b.WriteString(`\t`)
			case '\n':
				b.WriteString(`\n`)
			case '\f':
				b.WriteString(`\f`)
			case '\r':
				b.WriteString(`\r`)
			default:
				if c < 0x20 {
					b.WriteString(`\u00`)
					b.WriteByte(hexDigits[c>>4])
					b.WriteByte(hexDigits[c&0xf])
				} else {
					b.WriteByte(c)
				}
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteString(`\ufffd`)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	b.WriteByte('"')
}
