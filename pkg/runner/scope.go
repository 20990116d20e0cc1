package runner

import "regexp"

// allValue is Grafana's value for "All" of a multi-value variable: no filter.
const allValue = "$__all"

// savedIDs reads a saved id list (already checked by checkSavedFields). The backend gets
// queries with their dashboard variables already replaced (or, in alert rules, none), so
// unlike the browser it interpolates nothing; "All" still means no filter.
func savedIDs(v any) []string {
	list, _ := v.([]any)
	var out []string
	for _, item := range list {
		s, _ := item.(string)
		t := jsTrim(s)
		if t == "" {
			continue
		}
		if t == allValue || t == "*" {
			return nil
		}
		dup := false
		for _, o := range out {
			dup = dup || o == t
		}
		if !dup {
			out = append(out, t)
		}
	}
	return out
}

// savedID reads one saved id (environment, project); "All" is none.
func savedID(v any) string {
	s, _ := v.(string)
	t := jsTrim(s)
	if t == allValue {
		return ""
	}
	return t
}

var leftReference = regexp.MustCompile(`\$\w+|\$\{\w+[^}]*\}|\[\[\w+[^\]]*\]\]`)

// unresolvedVariable is the first dashboard variable reference left in the ids: sent as an id
// it would match nothing and the panel would be silently empty.
func unresolvedVariable(values []string) string {
	for _, v := range values {
		if m := leftReference.FindString(v); m != "" {
			return m
		}
	}
	return ""
}

// checkFilter applies a filter's arity (catalog/README.md, Scope) to the ids: keeps them, drops
// them with a notice, or refuses the target.
func (c *common) checkFilter(ids []string, arity, which string, n *notices, required string) ([]string, error) {
	nouns := c.nouns[which]
	p := params{"one": nouns.One, "many": nouns.Many, "article": nouns.Article}
	count := len(ids)
	switch arity {
	case "none":
		if count > 0 {
			n.info(c.message("filterIgnored", p))
		}
		return nil, nil
	case "required":
		if count == 0 {
			if required != "" {
				return nil, &userError{required}
			}
			return nil, c.fail("filterRequired", p)
		}
		fallthrough
	case "one":
		if count > 1 {
			p["n"] = count
			return nil, c.fail("filterOne", p)
		}
	case "many":
		if count > c.maxFilterIDs {
			p["n"], p["max"] = count, c.maxFilterIDs
			return nil, c.fail("filterMany", p)
		}
	}
	return ids, nil
}

// idsValue is a list of ids as a context value; absent when there are none.
func idsValue(ids []string) any {
	if len(ids) == 0 {
		return absent
	}
	out := make([]any, len(ids))
	for i, id := range ids {
		out[i] = id
	}
	return out
}

func firstID(ids []string) any {
	if len(ids) == 0 {
		return absent
	}
	return ids[0]
}

func textOrAbsent(s string) any {
	if s == "" {
		return absent
	}
	return s
}
