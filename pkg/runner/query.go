package runner

import "math"

// migrateQuery brings a saved query of any version to the current model, as
// src/migrations.ts does: a refId and a query type always set, the single ids saved before
// versioning (apiId, appId) read as lists.
func (c *common) migrateQuery(saved any) *object {
	q, ok := saved.(*object)
	if ok {
		q = q.Clone()
	} else {
		q = newObject()
	}
	if s, ok := q.value("refId").(string); !ok || s == "" {
		q.Set("refId", "A")
	}
	// An unknown type is kept as it is: the runner reports "Unknown query type" with the name.
	if s, ok := q.value("queryType").(string); !ok || s == "" {
		q.Set("queryType", c.defaultType)
	}
	for _, f := range [][2]string{{"apiIds", "apiId"}, {"appIds", "appId"}} {
		if _, has := q.Get(f[0]); !has {
			if v, old := q.Get(f[1]); old {
				q.Set(f[0], v)
			}
		}
		q.Delete(f[1])
	}
	q.Set("modelVersion", 1.0)
	return q
}

// savedText is a saved scope field's text: a string as it is, a finite number as text.
func savedText(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case float64:
		if !math.IsInf(x, 0) && !math.IsNaN(x) {
			return jsNumber(x), true
		}
	}
	return "", false
}

// checkSavedFields reads the scope fields of a saved query as the model says (dashboards are
// JSON edited by hand and by scripts): numbers become text, a single id a list of one, null
// "not set"; anything else refuses the target naming the field (src/queryModel/savedFields.ts).
// A field's path is a top-level key of the saved query there, and here.
func (c *common) checkSavedFields(q *object) (*object, error) {
	out := q.Clone()
	for _, f := range c.savedFields {
		v, ok := out.Get(f.Path)
		if !ok || v == nil {
			out.Delete(f.Path)
			continue
		}
		problem := func(expected string, got any) error {
			return c.fail("savedFieldType", params{"label": f.Label, "path": f.Path, "expected": expected, "got": kindOf(got)})
		}
		if f.Type == "text" {
			t, ok := savedText(v)
			if !ok {
				return nil, problem("text", v)
			}
			out.Set(f.Path, t)
			continue
		}
		items, isList := v.([]any)
		if !isList {
			items = []any{v}
		}
		list := []any{}
		for _, item := range items {
			if item == nil {
				continue
			}
			t, ok := savedText(item)
			if !ok {
				return nil, problem("a list of ids", item)
			}
			list = append(list, t)
		}
		out.Set(f.Path, list)
	}
	return out, nil
}
