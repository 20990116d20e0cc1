package runner

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// maxParseDepth bounds nesting while parsing (Go's own decoder stops at the same depth), so a
// hostile answer cannot make the parser recurse without end.
const maxParseDepth = 10000

// parseJSON reads one JSON text (RFC 8259, as JSON.parse takes it) into the runner's values
// (see value.go). Written by hand because answers are large (hundreds of thousands of buckets)
// and encoding/json's token reader is several times slower; numbers become float64 as JSON.parse
// makes them (1e400 is +Inf, which readNumber refuses); a lone surrogate escape, which Go
// strings cannot hold, becomes U+FFFD.
func parseJSON(data []byte) (any, error) {
	p := &jsonParser{s: data, keys: map[string]string{}}
	p.space()
	v, err := p.value(0)
	if err != nil {
		return nil, err
	}
	p.space()
	if p.i != len(p.s) {
		return nil, p.fail("text after the value")
	}
	return v, nil
}

type jsonParser struct {
	s []byte
	i int
	// keys interns object keys and short texts: answers repeat the same ones (field names,
	// bucket times) thousands of times.
	keys map[string]string
	// Scratch stacks for the members of the objects and lists being read, so each gets one
	// allocation of its final size.
	ks []string
	vs []any
	// shapes shares the key lists of objects with the same keys (every bucket of an answer
	// has the same few): keys are never changed in place (Set and Delete copy them), so a
	// shared list is safe.
	shapes map[string][][]string
}

// boxed holds small whole numbers already in interfaces: counts are mostly small, and a float64
// put in an interface otherwise costs an allocation each.
var boxed = func() []any {
	out := make([]any, 4096)
	for i := range out {
		out[i] = float64(i)
	}
	return out
}()

// sharedKeys is a copy of keys, shared with earlier objects of the same keys.
func (p *jsonParser) sharedKeys(keys []string) []string {
	if len(keys) == 0 {
		return nil
	}
	if p.shapes == nil {
		p.shapes = map[string][][]string{}
	}
	candidates := p.shapes[keys[0]]
next:
	for _, c := range candidates {
		if len(c) != len(keys) {
			continue
		}
		for i := range c {
			if c[i] != keys[i] {
				continue next
			}
		}
		return c
	}
	c := append(make([]string, 0, len(keys)), keys...)
	if len(candidates) < 8 {
		p.shapes[keys[0]] = append(candidates, c)
	}
	return c
}

// maxInterned bounds the intern table (and so its memory) on hostile answers.
const (
	maxInterned    = 1 << 16
	maxInternedLen = 64
)

func (p *jsonParser) intern(raw []byte) string {
	if k, ok := p.keys[string(raw)]; ok {
		return k
	}
	k := string(raw)
	if len(p.keys) < maxInterned {
		p.keys[k] = k
	}
	return k
}

func (p *jsonParser) fail(what string) error {
	return fmt.Errorf("invalid JSON at offset %d: %s", p.i, what)
}

func (p *jsonParser) space() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *jsonParser) value(depth int) (any, error) {
	if p.i >= len(p.s) {
		return nil, p.fail("unexpected end")
	}
	switch c := p.s[p.i]; {
	case c == '{':
		return p.object(depth + 1)
	case c == '[':
		return p.list(depth + 1)
	case c == '"':
		return p.str(false)
	case c == 't':
		return true, p.literal("true")
	case c == 'f':
		return false, p.literal("false")
	case c == 'n':
		return nil, p.literal("null")
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	}
	return nil, p.fail("unexpected character")
}

func (p *jsonParser) literal(word string) error {
	if !bytes.HasPrefix(p.s[p.i:], []byte(word)) {
		return p.fail("unexpected character")
	}
	p.i += len(word)
	return nil
}

func (p *jsonParser) object(depth int) (any, error) {
	if depth > maxParseDepth {
		return nil, errors.New("JSON nested too deep")
	}
	p.i++                                // {
	kbase, vbase := len(p.ks), len(p.vs) // a list being read may have pushed values only
	defer func() { p.ks, p.vs = p.ks[:kbase], p.vs[:vbase] }()
	p.space()
	if p.i < len(p.s) && p.s[p.i] == '}' {
		p.i++
		return newObject(), nil
	}
	for {
		if p.i >= len(p.s) || p.s[p.i] != '"' {
			return nil, p.fail("expected a key")
		}
		k, err := p.str(true)
		if err != nil {
			return nil, err
		}
		p.space()
		if p.i >= len(p.s) || p.s[p.i] != ':' {
			return nil, p.fail("expected ':'")
		}
		p.i++
		p.space()
		v, err := p.value(depth)
		if err != nil {
			return nil, err
		}
		p.ks, p.vs = append(p.ks, k), append(p.vs, v)
		p.space()
		if p.i >= len(p.s) {
			return nil, p.fail("unexpected end")
		}
		switch p.s[p.i] {
		case ',':
			p.i++
			p.space()
		case '}':
			p.i++
			return p.newObjectOf(p.ks[kbase:], p.vs[vbase:]), nil
		default:
			return nil, p.fail("expected ',' or '}'")
		}
	}
}

// newObjectOf makes an object of parsed members (copied), a duplicated key keeping its first
// place and last value.
func (p *jsonParser) newObjectOf(keys []string, vals []any) *object {
	n := len(keys)
	if n <= indexFrom {
		dup := false
		for i := 1; i < n && !dup; i++ {
			for j := 0; j < i; j++ {
				if keys[i] == keys[j] {
					dup = true
					break
				}
			}
		}
		if !dup {
			return &object{keys: p.sharedKeys(keys), vals: append(make([]any, 0, n), vals...)}
		}
	}
	o := &object{keys: make([]string, 0, n), vals: make([]any, 0, n)}
	for i, k := range keys {
		o.Set(k, vals[i])
	}
	return o
}

func (p *jsonParser) list(depth int) (any, error) {
	if depth > maxParseDepth {
		return nil, errors.New("JSON nested too deep")
	}
	p.i++ // [
	base := len(p.vs)
	defer func() { p.vs = p.vs[:base] }()
	p.space()
	if p.i < len(p.s) && p.s[p.i] == ']' {
		p.i++
		return []any{}, nil
	}
	for {
		v, err := p.value(depth)
		if err != nil {
			return nil, err
		}
		p.vs = append(p.vs, v)
		p.space()
		if p.i >= len(p.s) {
			return nil, p.fail("unexpected end")
		}
		switch p.s[p.i] {
		case ',':
			p.i++
			p.space()
		case ']':
			p.i++
			return append(make([]any, 0, len(p.vs)-base), p.vs[base:]...), nil
		default:
			return nil, p.fail("expected ',' or ']'")
		}
	}
}

// str reads a string; keys are interned.
func (p *jsonParser) str(key bool) (string, error) {
	p.i++ // "
	start := p.i
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '"':
			raw := p.s[start:p.i]
			p.i++
			if !utf8.Valid(raw) {
				return string(bytes.ToValidUTF8(raw, []byte("\uFFFD"))), nil
			}
			if key || len(raw) <= maxInternedLen {
				return p.intern(raw), nil
			}
			return string(raw), nil
		case c == '\\':
			return p.escaped(start)
		case c < 0x20:
			return "", p.fail("control character in a string")
		}
		p.i++
	}
	return "", p.fail("unterminated string")
}

// escaped finishes a string that has escapes, from its start.
func (p *jsonParser) escaped(start int) (string, error) {
	buf := append([]byte(nil), p.s[start:p.i]...)
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '"':
			p.i++
			return string(bytes.ToValidUTF8(buf, []byte("\uFFFD"))), nil
		case c < 0x20:
			return "", p.fail("control character in a string")
		case c != '\\':
			buf = append(buf, c)
			p.i++
			continue
		}
		if p.i+1 >= len(p.s) {
			return "", p.fail("unterminated escape")
		}
		e := p.s[p.i+1]
		p.i += 2
		switch e {
		case '"', '\\', '/':
			buf = append(buf, e)
		case 'b':
			buf = append(buf, '\b')
		case 'f':
			buf = append(buf, '\f')
		case 'n':
			buf = append(buf, '\n')
		case 'r':
			buf = append(buf, '\r')
		case 't':
			buf = append(buf, '\t')
		case 'u':
			r, ok := p.hex4()
			if !ok {
				return "", p.fail("bad \\u escape")
			}
			if utf16.IsSurrogate(r) {
				// A pair makes one character; a lone half cannot be held in a Go string.
				if r < 0xdc00 && p.i+1 < len(p.s) && p.s[p.i] == '\\' && p.s[p.i+1] == 'u' {
					save := p.i
					p.i += 2
					if r2, ok := p.hex4(); ok && r2 >= 0xdc00 && r2 <= 0xdfff {
						r = utf16.DecodeRune(r, r2)
					} else {
						p.i = save
						r = utf8.RuneError
					}
				} else {
					r = utf8.RuneError
				}
			}
			buf = utf8.AppendRune(buf, r)
		default:
			return "", p.fail("bad escape")
		}
	}
	return "", p.fail("unterminated string")
}

func (p *jsonParser) hex4() (rune, bool) {
	if p.i+4 > len(p.s) {
		return 0, false
	}
	v, err := strconv.ParseUint(string(p.s[p.i:p.i+4]), 16, 32)
	if err != nil {
		return 0, false
	}
	p.i += 4
	return rune(v), true
}

// number reads -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?; small integers without a float parse.
func (p *jsonParser) number() (any, error) {
	start := p.i
	if p.s[p.i] == '-' {
		p.i++
	}
	digitsAt := p.i
	if p.i < len(p.s) && p.s[p.i] == '0' {
		p.i++
	} else if !p.digits() {
		return nil, p.fail("bad number")
	}
	simple := p.i-digitsAt <= 15
	if p.i < len(p.s) && p.s[p.i] == '.' {
		p.i++
		simple = false
		if !p.digits() {
			return nil, p.fail("bad number")
		}
	}
	if p.i < len(p.s) && (p.s[p.i] == 'e' || p.s[p.i] == 'E') {
		p.i++
		simple = false
		if p.i < len(p.s) && (p.s[p.i] == '+' || p.s[p.i] == '-') {
			p.i++
		}
		if !p.digits() {
			return nil, p.fail("bad number")
		}
	}
	text := p.s[start:p.i]
	if simple {
		// Up to 15 digits: exact in a double, no rounding to decide.
		var n int64
		for _, c := range text[digitsAt-start:] {
			n = n*10 + int64(c-'0')
		}
		if text[0] == '-' {
			if n == 0 {
				return negZero, nil
			}
			n = -n
		} else if n < int64(len(boxed)) {
			return boxed[n], nil
		}
		return float64(n), nil
	}
	f, err := strconv.ParseFloat(string(text), 64)
	if err != nil && !isRangeErr(err) {
		return nil, p.fail("bad number")
	}
	return f, nil
}

var negZero = func() float64 { z := 0.0; return -z }()

func (p *jsonParser) digits() bool {
	start := p.i
	for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
		p.i++
	}
	return p.i > start
}

func isRangeErr(err error) bool {
	var ne *strconv.NumError
	return errors.As(err, &ne) && errors.Is(ne.Err, strconv.ErrRange)
}

// parseJSONOrAbsent parses raw catalog text; no text at all is absent.
func parseJSONOrAbsent(raw json.RawMessage) (any, error) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return absent, nil
	}
	return parseJSON(raw)
}
