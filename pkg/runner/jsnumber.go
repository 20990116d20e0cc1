package runner

import (
	"math"
	"math/big"
	"regexp"
	"strconv"
	"strings"
)

// JavaScript's conversions, for texts that must match the browser's word for word: messages
// print numbers as String(n) does, labels and string fields use String(v).

// jsNumber formats a number as JavaScript's Number.prototype.toString (ECMA-262
// Number::toString): the shortest digits that read back to the same double, in plain notation
// from 1e-7 up to 1e21 and in exponent notation (1e+21, 1.5e-7) outside it.
func jsNumber(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case f == 0:
		return "0"
	}
	sign := ""
	if f < 0 {
		sign, f = "-", -f
	}
	// 'e' with -1 precision gives the shortest round-trip digits: d.ddddde±XX.
	e := strconv.FormatFloat(f, 'e', -1, 64)
	mant, expText, _ := strings.Cut(e, "e")
	digits := strings.Replace(mant, ".", "", 1)
	exp, _ := strconv.Atoi(expText)
	k := len(digits)
	n := exp + 1 // the decimal point sits after n digits
	var out string
	switch {
	case k <= n && n <= 21:
		out = digits + strings.Repeat("0", n-k)
	case 0 < n && n <= 21:
		out = digits[:n] + "." + digits[n:]
	case -6 < n && n <= 0:
		out = "0." + strings.Repeat("0", -n) + digits
	default:
		m := digits[:1]
		if k > 1 {
			m += "." + digits[1:]
		}
		es := "+"
		if n-1 < 0 {
			es = "-"
		}
		out = m + "e" + es + strconv.Itoa(absInt(n-1))
	}
	return sign + out
}

func absInt(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// jsString is JavaScript's String(v): lists join their items with "," (null items empty),
// objects are "[object Object]".
func jsString(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case absentValue:
		return "undefined"
	case bool:
		if x {
			return "true"
		}
		return "false"
	case float64:
		return jsNumber(x)
	case int:
		return strconv.Itoa(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case string:
		return x
	case []any:
		parts := make([]string, len(x))
		for i, item := range x {
			if item != nil && !isAbsent(item) {
				parts[i] = jsString(item)
			}
		}
		return strings.Join(parts, ",")
	case *object:
		return "[object Object]"
	}
	return ""
}

// jsSpace is JavaScript's whitespace and line terminators (String.prototype.trim, \s).
const jsSpace = "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"

// jsSpaceClass is jsSpace as the body of a regexp character class.
const jsSpaceClass = `\t\n\v\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}`

// jsTrim is String.prototype.trim.
func jsTrim(s string) string {
	return strings.Trim(s, jsSpace)
}

var (
	jsDecimal = regexp.MustCompile(`^[+-]?(Infinity|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)$`)
	jsRadix   = regexp.MustCompile(`^0([xX][0-9a-fA-F]+|[oO][0-7]+|[bB][01]+)$`)
)

// jsToNumber is JavaScript's Number(text): trimmed, empty is 0, decimal (with Infinity) or
// 0x / 0o / 0b integers; anything else is NaN.
func jsToNumber(s string) float64 {
	t := jsTrim(s)
	if t == "" {
		return 0
	}
	if m := jsRadix.FindStringSubmatch(t); m != nil {
		base := map[byte]int{'x': 16, 'X': 16, 'o': 8, 'O': 8, 'b': 2, 'B': 2}[m[1][0]]
		n, _ := new(big.Int).SetString(m[1][1:], base)
		f, _ := new(big.Float).SetInt(n).Float64()
		return f
	}
	if !jsDecimal.MatchString(t) {
		return math.NaN()
	}
	if strings.HasSuffix(t, "Infinity") {
		if t[0] == '-' {
			return math.Inf(-1)
		}
		return math.Inf(1)
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil && !isRangeErr(err) {
		return math.NaN()
	}
	return f
}

// isJSInteger is Number.isInteger.
func isJSInteger(f float64) bool {
	return !math.IsInf(f, 0) && !math.IsNaN(f) && f == math.Trunc(f)
}
