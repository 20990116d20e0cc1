package runner

// The runner works on JSON values the way the TypeScript reader sees them after JSON.parse:
// nil (null), bool, float64, string, []any and *Object (keys kept in the order written, because
// GraphQL variables are sent and shown in the catalog's order). A separate "absent" value stands
// for JavaScript's undefined: object keys and list items that evaluate to it are left out.

type absentValue struct{}

// absent is the runner's undefined: not set, as opposed to null.
var absent any = absentValue{}

func isAbsent(v any) bool {
	_, ok := v.(absentValue)
	return ok
}

// Object is a JSON object with its keys in insertion order (JSON.parse keeps the first
// position of a duplicated key and its last value; Set does the same).
type Object struct {
	keys []string
	vals map[string]any
}

// NewObject makes an empty object.
func NewObject() *Object {
	return &Object{vals: map[string]any{}}
}

// Get reads an own property.
func (o *Object) Get(k string) (any, bool) {
	if o == nil {
		return nil, false
	}
	v, ok := o.vals[k]
	return v, ok
}

// Set adds or replaces a property; a new key goes last.
func (o *Object) Set(k string, v any) {
	if _, ok := o.vals[k]; !ok {
		o.keys = append(o.keys, k)
	}
	o.vals[k] = v
}

// Delete removes a property.
func (o *Object) Delete(k string) {
	if _, ok := o.vals[k]; !ok {
		return
	}
	delete(o.vals, k)
	for i, key := range o.keys {
		if key == k {
			o.keys = append(o.keys[:i:i], o.keys[i+1:]...)
			break
		}
	}
}

// Keys are the object's keys in insertion order (not a copy: do not modify).
func (o *Object) Keys() []string {
	if o == nil {
		return nil
	}
	return o.keys
}

// Len is the number of properties.
func (o *Object) Len() int {
	if o == nil {
		return 0
	}
	return len(o.keys)
}

// Clone is a shallow copy.
func (o *Object) Clone() *Object {
	c := &Object{keys: append([]string(nil), o.keys...), vals: make(map[string]any, len(o.vals))}
	for k, v := range o.vals {
		c.vals[k] = v
	}
	return c
}

// obj builds an object from key/value pairs, leaving absent values out.
func obj(kv ...any) *Object {
	o := NewObject()
	for i := 0; i+1 < len(kv); i += 2 {
		if !isAbsent(kv[i+1]) {
			o.Set(kv[i].(string), kv[i+1])
		}
	}
	return o
}

// isPresent: set to something, i.e. not absent, null, "" or [] (catalog/README.md, Expressions).
func isPresent(v any) bool {
	switch x := v.(type) {
	case nil, absentValue:
		return false
	case string:
		return x != ""
	case []any:
		return len(x) > 0
	}
	return true
}

// isObjectValue: a JSON object (not a list, not null).
func isObjectValue(v any) bool {
	_, ok := v.(*Object)
	return ok
}

// isJSObject: what JavaScript's typeof calls "object": null, lists and objects.
func isJSObject(v any) bool {
	switch v.(type) {
	case nil, []any, *Object:
		return true
	}
	return false
}

// strictEquals compares primitives as JavaScript's === (and Array.includes) do; lists and
// objects are never equal to a literal.
func strictEquals(a, b any) bool {
	switch x := a.(type) {
	case nil:
		return b == nil
	case bool:
		y, ok := b.(bool)
		return ok && x == y
	case float64:
		y, ok := b.(float64)
		return ok && x == y
	case string:
		y, ok := b.(string)
		return ok && x == y
	case absentValue:
		return isAbsent(b)
	}
	return false
}
