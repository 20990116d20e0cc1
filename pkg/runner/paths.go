package runner

// Dot paths into answers and contexts (catalog/README.md, Paths). A segment reads an own
// property of an object or a digit index of a list; anything else is absent, so a name such
// as "constructor" or "__proto__" finds nothing (Go has no prototype, but an index like "01"
// or "length" must behave as the browser's reader does). "*" is the first list item for which
// the rest of the path is present.

func getPath(root any, path string) any {
	if path == "" {
		return root
	}
	return walk(root, path)
}

// walk follows a dot path segment by segment without splitting it (it runs for every bucket of
// every series).
func walk(v any, path string) any {
	for {
		seg, rest, more := cutDot(path)
		if seg == "*" {
			list, ok := v.([]any)
			if !ok {
				return absent
			}
			for _, item := range list {
				found := item
				if more {
					found = walk(item, rest)
				}
				if isPresent(found) {
					return found
				}
			}
			return absent
		}
		v = own(v, seg)
		if isAbsent(v) || !more {
			return v
		}
		path = rest
	}
}

// own is an own property of an object, or a digit index of a list (Number(key), so "01" is
// item 1, as list["01"] would not be but list[Number("01")] is); absent for anything else.
func own(v any, key string) any {
	switch x := v.(type) {
	case []any:
		i, ok := digitIndex(key)
		if !ok || i >= len(x) {
			return absent
		}
		return x[i]
	case *object:
		if val, ok := x.Get(key); ok {
			return val
		}
	}
	return absent
}

// digitIndex reads /^\d+$/ as a number; false when it is not digits or beyond any list.
func digitIndex(key string) (int, bool) {
	if key == "" {
		return 0, false
	}
	n := 0
	for i := 0; i < len(key); i++ {
		c := key[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		if n > 1<<40 {
			return 1 << 41, true // far past the end of any list
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}
