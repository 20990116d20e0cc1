package runner

import (
	"math"
	"regexp"
	"strconv"
)

var numericText = regexp.MustCompile(`^\s*-?\d+(\.\d+)?([eE][+-]?\d+)?\s*$`)

// readNumber is the one way a number is read off the network (catalog/README.md, Numbers;
// src/frames/number.ts): a finite number as it is, text that spells one (some gateways send
// large integers as "12") as that number, anything else nil — never a guess.
//
// The pattern's \s is JavaScript's there; Go's is ASCII, so the text is trimmed of
// JavaScript's whitespace first and then must match with none left.
func readNumber(v any) *float64 {
	switch x := v.(type) {
	case float64:
		if math.IsInf(x, 0) || math.IsNaN(x) {
			return nil
		}
		return &x
	case string:
		t := jsTrim(x)
		if !numericText.MatchString(t) {
			return nil
		}
		f, err := strconv.ParseFloat(t, 64)
		if err != nil || math.IsInf(f, 0) {
			return nil
		}
		return &f
	}
	return nil
}

// unreadable counts values present in an answer that readNumber could not read, and keeps the
// first of them (what the notice names); null and absent are not counted: they are the API's
// "no value" (src/frames/number.ts, Unreadable).
type unreadable struct {
	n     int
	first any
}

// read is readNumber, counting what was there but is no number.
func (u *unreadable) read(v any) *float64 {
	n := readNumber(v)
	if n == nil && v != nil && !isAbsent(v) {
		if u.n == 0 {
			u.first = v
		}
		u.n++
	}
	return n
}

// unreadableIn counts what readNumber would not read in values, in their order.
func unreadableIn(values []any) unreadable {
	var u unreadable
	for _, v := range values {
		switch x := v.(type) {
		case nil:
			continue
		case float64:
			// Nearly every value: no need to go through readNumber.
			if !math.IsInf(x, 0) && !math.IsNaN(x) {
				continue
			}
		}
		u.read(v)
	}
	return u
}
