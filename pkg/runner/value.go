package runner

// The runner works on JSON values the way the TypeScript reader sees them after JSON.parse:
// nil (null), bool, float64, string, []any and *object (keys kept in the order written, because
// GraphQL variables are sent and shown in the catalog's order). A separate "absent" value stands
// for JavaScript's undefined: object keys and list items that evaluate to it are left out.

type absentValue struct{}

// absent is the runner's undefined: not set, as opposed to null.
var absent any = absentValue{}

func isAbsent(v any) bool {
	_, ok := v.(absentValue)
	return ok
}

// object is a JSON object with its keys in insertion order (JSON.parse keeps the first
// position of a duplicated key and its last value; Set does the same). Answers hold hundreds
// of thousands of small objects, so keys and values are two slices searched in order, with an
// index only for objects past indexFrom keys.
type object struct {
	keys  []string
	vals  []any
	index map[string]int
}

const indexFrom = 12

// newObject makes an empty object.
func newObject() *object {
	return &object{}
}

func (o *object) find(k string) int {
	if o.index != nil {
		if i, ok := o.index[k]; ok {
			return i
		}
		return -1
	}
	for i, key := range o.keys {
		if key == k {
			return i
		}
	}
	return -1
}

// Get reads an own property.
func (o *object) Get(k string) (any, bool) {
	if o == nil {
		return nil, false
	}
	if i := o.find(k); i >= 0 {
		return o.vals[i], true
	}
	return nil, false
}

// value is a property's value, nil when there is none (as a map lookup).
func (o *object) value(k string) any {
	v, _ := o.Get(k)
	return v
}

// Set adds or replaces a property; a new key goes last.
func (o *object) Set(k string, v any) {
	if i := o.find(k); i >= 0 {
		o.vals[i] = v
		return
	}
	o.keys = append(o.keys, k)
	o.vals = append(o.vals, v)
	if o.index != nil {
		o.index[k] = len(o.keys) - 1
	} else if len(o.keys) > indexFrom {
		o.reindex()
	}
}

func (o *object) reindex() {
	o.index = make(map[string]int, len(o.keys))
	for i, k := range o.keys {
		o.index[k] = i
	}
}

// Delete removes a property.
func (o *object) Delete(k string) {
	i := o.find(k)
	if i < 0 {
		return
	}
	o.keys = append(o.keys[:i:i], o.keys[i+1:]...)
	o.vals = append(o.vals[:i:i], o.vals[i+1:]...)
	if o.index != nil {
		o.reindex()
	}
}

// Keys are the object's keys in insertion order (not a copy: do not modify).
func (o *object) Keys() []string {
	if o == nil {
		return nil
	}
	return o.keys
}

// Len is the number of properties.
func (o *object) Len() int {
	if o == nil {
		return 0
	}
	return len(o.keys)
}

// Clone is a shallow copy.
func (o *object) Clone() *object {
	c := &object{keys: append([]string(nil), o.keys...), vals: append([]any(nil), o.vals...)}
	if o.index != nil {
		c.reindex()
	}
	return c
}

// obj builds an object from key/value pairs, leaving absent values out.
func obj(kv ...any) *object {
	o := newObject()
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
	_, ok := v.(*object)
	return ok
}

// isJSObject: what JavaScript's typeof calls "object": null, lists and objects.
func isJSObject(v any) bool {
	switch v.(type) {
	case nil, []any, *object:
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
