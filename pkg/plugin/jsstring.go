package plugin

import "strings"

// The settings checks must give the same answers as the frontend's TypeScript, so these helpers
// follow ECMAScript's definitions rather than Go's: String.prototype.trim() and the regular
// expression class \s both use WhiteSpace + LineTerminator (ECMA-262 §12.2, §12.3), which
// includes U+FEFF and excludes U+0085 — unlike Go's unicode.IsSpace.

// isJSSpace reports whether r is in ECMAScript's WhiteSpace or LineTerminator sets.
func isJSSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff':
		return true
	}
	return r >= '\u2000' && r <= '\u200a'
}

// jsTrim is String.prototype.trim().
func jsTrim(s string) string {
	return strings.TrimFunc(s, isJSSpace)
}

// jsHasSpace is /\s/.test(s).
func jsHasSpace(s string) bool {
	return strings.IndexFunc(s, isJSSpace) >= 0
}
