package runner

import "strings"

// The one defensive way every frame, page and lookup reads the lists of an answer
// (catalog/README.md, Reading answers; src/catalog/answer.ts).

// kindOf names a value in messages: "a string", "an object"...
func kindOf(v any) string {
	switch v.(type) {
	case []any:
		return "a list"
	case string:
		return "a string"
	case float64:
		return "a number"
	case bool:
		return "true or false"
	case nil:
		return "null"
	case *object:
		return "an object"
	}
	return "nothing"
}

// shapeError: the answer does not have the shape its document asks for; the panel says where.
func (c *common) shapeError(path string, got any, expected string) error {
	return c.fail("answerShape", params{"path": path, "got": kindOf(got), "expected": expected})
}

// pathLabels name where a path's root comes from in messages: data is the answer itself,
// item an item of one of its lists ("getAPIUsageOverTime[]"), and so on.
type pathLabels map[string]string

func labelOf(labels pathLabels, segments []string, upTo int) string {
	root := segments[0]
	if root == "data" {
		root = ""
	}
	if l, ok := labels[segments[0]]; ok {
		root = l
	}
	rest := strings.Join(segments[1:upTo+1], ".")
	var parts []string
	for _, p := range []string{root, rest} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		return "data"
	}
	return strings.Join(parts, ".")
}

// readList reads the list at path: absent or null is empty (the API's "no data"), a list is
// as it is, anything else — or a value on the way that is not an object — is an error naming
// where.
func (c *common) readList(ctx any, path string, labels pathLabels) ([]any, error) {
	segments := strings.Split(path, ".")
	v := ctx
	for i, s := range segments {
		if v == nil || isAbsent(v) {
			return nil, nil
		}
		if i > 0 && !isObjectValue(v) {
			return nil, c.shapeError(labelOf(labels, segments, i-1), v, "an object")
		}
		v = own(v, s)
	}
	if v == nil || isAbsent(v) {
		return nil, nil
	}
	list, ok := v.([]any)
	if !ok {
		return nil, c.shapeError(labelOf(labels, segments, len(segments)-1), v, "a list")
	}
	return list, nil
}

// objectsOf keeps a list's objects; skipped counts the others (null holes are not counted).
func objectsOf(list []any, skipped *int) []any {
	out := make([]any, 0, len(list))
	for _, item := range list {
		switch item.(type) {
		case *object:
			out = append(out, item)
		case nil:
		default:
			*skipped++
		}
	}
	return out
}

// skippedNotice is the warning for items left out, or "".
func (c *common) skippedNotice(path string, skipped int) string {
	if skipped == 0 {
		return ""
	}
	return c.message("answerItemsSkipped", params{"n": skipped, "path": path})
}

// unreadableNotice is the warning for values of a number field that are there but are no
// numbers, or "": an empty cell alone would read as "No data" although the API answered
// something else.
func (c *common) unreadableNotice(field string, u unreadable) string {
	if u.n == 0 {
		return ""
	}
	got := kindOf(u.first)
	if _, ok := u.first.(float64); ok {
		// JSON numbers beyond a double's range parse as ±Inf: "a number" alone would puzzle.
		got = "a number too large to read"
	}
	return c.message("answerValuesUnreadable", params{"n": u.n, "field": field, "got": got})
}
