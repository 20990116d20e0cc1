package runner

import (
	"math"
	"strings"
)

// Options read from the saved query as catalog/README.md, Options, says (src/catalog/options.ts
// is the browser's reading): values checked against the catalog, defaults applied, the first
// problem (in option order) the target's error.

type normalizedOptions struct {
	values  *object // options.<name>
	attrs   *object // attrs.<name>: the chosen enum value's attributes
	notices []string
	problem error
}

func choicesOf(o *option) string {
	vs := make([]string, len(o.values))
	for i, v := range o.values {
		vs[i] = v.value
	}
	return strings.Join(vs, ", ")
}

// shown is a saved value in a message: text as it is, anything else as JSON.stringify prints it.
func shown(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return textOf(v, jsString(v))
}

// optionText: text trimmed (empty is not set), a finite number as text; false otherwise.
func optionText(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		t := jsTrim(x)
		return t, t != ""
	case float64:
		if !math.IsInf(x, 0) && !math.IsNaN(x) {
			return jsNumber(x), true
		}
	}
	return "", false
}

// isBlank: not set at all, or text that is empty once trimmed.
func isBlank(v any) bool {
	if s, ok := v.(string); ok {
		return jsTrim(s) == ""
	}
	return !isPresent(v)
}

type checked struct {
	value   any // absent when not set
	problem string
	notice  string
}

func (c *common) checkEnum(o *option, raw any) checked {
	v, ok := optionText(raw)
	if !ok {
		// Whitespace is "not set" as the README says (the browser refuses it: see the report).
		if isBlank(raw) {
			return checked{value: absent}
		}
		return checked{problem: c.message("optionUnknown", params{"noun": o.noun, "value": shown(raw), "choices": choicesOf(o)})}
	}
	if o.hasValue(v) || o.allowCustom {
		return checked{value: v}
	}
	return checked{problem: c.message("optionUnknown", params{"noun": o.noun, "value": v, "choices": choicesOf(o)})}
}

func (c *common) checkList(o *option, raw any, enumerated bool) checked {
	var items []any
	switch x := raw.(type) {
	case []any:
		items = x
	case nil, absentValue:
	default:
		items = []any{x}
	}
	texts := []any{}
	for _, item := range items {
		if t, ok := optionText(item); ok {
			texts = append(texts, t)
			continue
		}
		if _, isText := item.(string); isText || item == nil {
			continue // empties are dropped
		}
		if enumerated {
			return checked{problem: c.message("optionUnknown", params{"noun": o.noun, "value": shown(item), "choices": choicesOf(o)})}
		}
		return checked{problem: c.message("optionText", params{"label": o.label, "value": shown(item)})}
	}
	if enumerated {
		for _, t := range texts {
			if !o.hasValue(t.(string)) {
				return checked{problem: c.message("optionUnknown", params{"noun": o.noun, "value": t, "choices": choicesOf(o)})}
			}
		}
	}
	if o.minItems != nil && len(texts) < *o.minItems {
		if o.msgMinItems != "" {
			return checked{problem: o.msgMinItems}
		}
		return checked{problem: c.message("optionMinItems", params{"min": *o.minItems, "noun": o.noun})}
	}
	if o.maxItems != nil && len(texts) > *o.maxItems {
		if o.msgMaxItems != "" {
			return checked{problem: o.msgMaxItems}
		}
		return checked{problem: c.message("optionMaxItems", params{"max": *o.maxItems, "noun": o.noun})}
	}
	if len(texts) == 0 {
		return checked{value: absent}
	}
	return checked{value: texts}
}

// minSafeInteger is what an integer option without "min" is checked against (the browser's
// Number.MIN_SAFE_INTEGER, printed in its message the same way).
const minSafeInteger = -9007199254740991

func (c *common) checkInteger(o *option, raw any) checked {
	if raw == nil || isAbsent(raw) || raw == "" {
		return checked{value: absent}
	}
	n := math.NaN()
	switch x := raw.(type) {
	case float64:
		n = x
	case string:
		if jsTrim(x) != "" {
			n = jsToNumber(x)
		}
	}
	lo := float64(minSafeInteger)
	if o.min != nil {
		lo = *o.min
	}
	if isJSInteger(n) && n >= lo && (o.max == nil || n <= *o.max) {
		return checked{value: n}
	}
	if o.clamp && o.max != nil && isJSInteger(n) && n > *o.max {
		return checked{value: *o.max, notice: c.message("optionClamped", params{"label": o.label, "value": shown(raw), "max": *o.max})}
	}
	if o.max == nil {
		return checked{problem: c.message("optionInteger", params{"label": o.label, "min": lo, "value": shown(raw)})}
	}
	return checked{problem: c.message("optionIntegerRange", params{"label": o.label, "min": lo, "max": *o.max, "value": shown(raw)})}
}

func (c *common) checkString(o *option, raw any) checked {
	if v, ok := optionText(raw); ok {
		return checked{value: v}
	}
	if isBlank(raw) {
		return checked{value: absent}
	}
	return checked{problem: c.message("optionText", params{"label": o.label, "value": shown(raw)})}
}

func (c *common) check(o *option, raw any) checked {
	switch o.typ {
	case "enum":
		return c.checkEnum(o, raw)
	case "enumList":
		return c.checkList(o, raw, true)
	case "stringList":
		return c.checkList(o, raw, false)
	case "integer":
		return c.checkInteger(o, raw)
	}
	return c.checkString(o, raw)
}

// normalizeOptions reads every option of a type from the saved query.
func (c *common) normalizeOptions(t *queryType, q *object) normalizedOptions {
	out := normalizedOptions{values: newObject(), attrs: newObject()}
	for _, o := range t.options {
		r := c.check(o, getPath(q, o.path))
		if r.problem != "" {
			if out.problem == nil {
				out.problem = &userError{r.problem}
			}
			continue
		}
		if r.notice != "" {
			out.notices = append(out.notices, r.notice)
		}
		v := r.value
		if isAbsent(v) {
			v = o.def
		}
		if v == nil || isAbsent(v) {
			continue
		}
		out.values.Set(o.name, v)
		if s, ok := v.(string); ok {
			if a := o.attrsOf(s); a != nil {
				out.attrs.Set(o.name, a)
			}
		}
	}
	return out
}
