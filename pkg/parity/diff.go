package parity

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"
)

// Generic is v as encoding/json reads it back (maps, []any, float64): the form in which frames
// from any reader compare. A json.RawMessage is read as it is.
func Generic(v any) (any, error) {
	b, ok := v.(json.RawMessage)
	if !ok {
		var err error
		if b, err = json.Marshal(v); err != nil {
			return nil, err
		}
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		return nil, err
	}
	return out, nil
}

// Diff lists where two Generic values differ (path: got … want …), at most max.
func Diff(path string, got, want any, max int) []string {
	var out []string
	var walk func(p string, g, w any)
	walk = func(p string, g, w any) {
		if len(out) >= max {
			return
		}
		switch wv := w.(type) {
		case map[string]any:
			gv, ok := g.(map[string]any)
			if !ok {
				out = append(out, fmt.Sprintf("%s: got %s, want %s", p, short(g), short(w)))
				return
			}
			keys := map[string]bool{}
			for k := range wv {
				keys[k] = true
			}
			for k := range gv {
				keys[k] = true
			}
			sorted := make([]string, 0, len(keys))
			for k := range keys {
				sorted = append(sorted, k)
			}
			sort.Strings(sorted)
			for _, k := range sorted {
				gk, gok := gv[k]
				wk, wok := wv[k]
				switch {
				case !gok:
					out = append(out, fmt.Sprintf("%s.%s: missing, want %s", p, k, short(wk)))
				case !wok:
					out = append(out, fmt.Sprintf("%s.%s: got %s, not expected", p, k, short(gk)))
				default:
					walk(p+"."+k, gk, wk)
				}
			}
		case []any:
			gv, ok := g.([]any)
			if !ok {
				out = append(out, fmt.Sprintf("%s: got %s, want %s", p, short(g), short(w)))
				return
			}
			if len(gv) != len(wv) {
				out = append(out, fmt.Sprintf("%s: got %d items, want %d", p, len(gv), len(wv)))
			}
			for i := 0; i < len(gv) && i < len(wv); i++ {
				walk(fmt.Sprintf("%s[%d]", p, i), gv[i], wv[i])
			}
		case string:
			if gs, ok := g.(string); ok && gs != wv {
				out = append(out, fmt.Sprintf("%s: %s", p, stringDiff(gs, wv)))
			} else if !ok {
				out = append(out, fmt.Sprintf("%s:\n      got  %s\n      want %s", p, short(g), short(w)))
			}
		default:
			if !reflect.DeepEqual(g, w) {
				out = append(out, fmt.Sprintf("%s:\n      got  %s\n      want %s", p, short(g), short(w)))
			}
		}
	}
	walk(path, got, want)
	return out
}

// stringDiff shows the first line where two texts differ.
func stringDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if i >= len(g) || i >= len(w) || gl != wl {
			return fmt.Sprintf("first difference at line %d:\n      got  %q\n      want %q", i+1, gl, wl)
		}
	}
	return "texts differ"
}

func short(v any) string {
	b, _ := json.Marshal(v)
	s := string(b)
	if len(s) > 400 {
		s = s[:400] + "…"
	}
	return s
}
