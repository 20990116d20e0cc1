package runner

// nameLookups answer $apiName and $apiId (see apinames.go).
type nameLookups interface {
	name(apiID any) string
	id(apiID any) any
}

// noLookups is what requests are built with: the catalog check forbids $apiName there, so
// reaching it is a bug of ours.
type noLookups struct{}

func (noLookups) name(any) string {
	panic("catalog: $apiName needs the apiNames lookup (declare it in \"lookups\")")
}
func (noLookups) id(any) any {
	panic("catalog: $apiId needs the apiNames lookup (declare it in \"lookups\")")
}

func hasOp(o *object, op string) bool {
	_, ok := o.Get(op)
	return ok
}

func listOf(v any) []any {
	l, _ := v.([]any)
	return l
}

// evaluate is a catalog expression's value in a context (catalog/README.md, Expressions;
// src/catalog/expressions.ts). The operators are tried in the same order as the browser's.
func evaluate(e any, ctx any, lk nameLookups) any {
	switch x := e.(type) {
	case []any:
		out := make([]any, 0, len(x))
		for _, item := range x {
			if v := evaluate(item, ctx, lk); !isAbsent(v) {
				out = append(out, v)
			}
		}
		return out
	case *object:
		return evaluateObject(x, ctx, lk)
	}
	return e
}

func evaluateObject(o *object, ctx any, lk nameLookups) any {
	switch {
	case hasOp(o, "$"):
		p, _ := o.Get("$")
		v := getPath(ctx, jsString(p))
		if d, ok := o.Get("default"); ok && isAbsent(v) {
			return evaluate(d, ctx, lk)
		}
		return v
	case hasOp(o, "$if"):
		p, _ := o.Get("$if")
		if !isPresent(getPath(ctx, jsString(p))) {
			return absent
		}
		return objectOf(o, ctx, lk, "$if")
	case hasOp(o, "$coalesce"):
		parts, _ := o.Get("$coalesce")
		for _, item := range listOf(parts) {
			if v := evaluate(item, ctx, lk); isPresent(v) {
				return v
			}
		}
		return absent
	case hasOp(o, "$concat"):
		parts, _ := o.Get("$concat")
		out := ""
		for _, item := range listOf(parts) {
			v := evaluate(item, ctx, lk)
			if !isPresent(v) || isJSObject(v) {
				return absent
			}
			out += jsString(v)
		}
		return out
	case hasOp(o, "$join"):
		inner, _ := o.Get("$join")
		sep := ","
		if s, ok := o.Get("sep"); ok {
			if str, ok := s.(string); ok {
				sep = str
			}
		}
		out, n := "", 0
		for _, item := range listOf(evaluate(inner, ctx, lk)) {
			if isPresent(item) && !isJSObject(item) {
				if n > 0 {
					out += sep
				}
				out += jsString(item)
				n++
			}
		}
		if n == 0 {
			return absent
		}
		return out
	case hasOp(o, "$apiName"):
		inner, _ := o.Get("$apiName")
		return lk.name(evaluate(inner, ctx, lk))
	case hasOp(o, "$apiId"):
		inner, _ := o.Get("$apiId")
		return lk.id(evaluate(inner, ctx, lk))
	case hasOp(o, "$percent"):
		parts, _ := o.Get("$percent")
		var nums [2]*float64
		for i, item := range listOf(parts) {
			if i < 2 {
				v := evaluate(item, ctx, lk)
				nums[i] = readNumber(v)
				if nums[i] == nil && v != nil && !isAbsent(v) {
					// Passed on as it is, so the number column that reads the result can say
					// what the API answered instead of showing a silent gap.
					return v
				}
			}
		}
		return percent(nums[0], nums[1])
	case hasOp(o, "$selected"):
		args, _ := o.Get("$selected")
		a := listOf(args)
		var p, want any = absent, absent
		if len(a) > 0 {
			p = a[0]
		}
		if len(a) > 1 {
			want = a[1]
		}
		chosen, ok := getPath(ctx, jsString(p)).([]any)
		if !ok || len(chosen) == 0 {
			return true
		}
		for _, c := range chosen {
			if strictEquals(c, want) {
				return true
			}
		}
		return false
	}
	return objectOf(o, ctx, lk, "")
}

// objectOf evaluates each key of an object expression; absent values and $comment are left out.
func objectOf(o *object, ctx any, lk nameLookups, skip string) *object {
	out := newObject()
	for _, k := range o.Keys() {
		if k == skip || k == "$comment" {
			continue
		}
		if v := evaluate(o.value(k), ctx, lk); !isAbsent(v) {
			out.Set(k, v)
		}
	}
	return out
}

// percent is n / d × 100; nothing to divide by means nothing happened, which the console shows
// as 0 %.
func percent(n, d *float64) any {
	if n == nil || d == nil {
		return nil
	}
	if *d > 0 {
		return *n / *d * 100
	}
	return 0.0
}
