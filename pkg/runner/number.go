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
