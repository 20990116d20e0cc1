package runner

import (
	"strings"
	"testing"
)

func mustJSON(t *testing.T, text string) any {
	t.Helper()
	v, err := parseJSON([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestPathsReadOwnPropertiesOnly(t *testing.T) {
	root := mustJSON(t, `{"a":{"b":[10,20,{"c":"x"}]},"list":[null,"",{"v":""},{"v":"found"}],"__proto__":{"p":1},"o":{}}`)
	cases := map[string]any{
		"a.b.0":                    10.0,
		"a.b.01":                   20.0, // Number("01") is 1, as list[Number(key)] reads it
		"a.b.2.c":                  "x",
		"a.b.3":                    absent,
		"a.b.length":               absent,
		"a.b.-1":                   absent,
		"a.constructor":            absent,
		"o.constructor":            absent,
		"o.__proto__":              absent,
		"o.toString":               absent,
		"o.hasOwnProperty":         absent,
		"__proto__.p":              1.0, // an own key spelled __proto__ in the answer is just a key
		"list.*.v":                 "found",
		"a.*":                      absent, // * needs a list
		"a.b.2.c.length":           absent, // strings have no properties
		"":                         root,
		"a.b.99999999999999999999": absent,
	}
	for path, want := range cases {
		got := getPath(root, path)
		if !(isAbsent(want) && isAbsent(got)) && jsonText(got, "") != jsonText(want, "") {
			t.Errorf("getPath(%q) = %s, want %s", path, jsonText(got, ""), jsonText(want, ""))
		}
		if isAbsent(want) != isAbsent(got) {
			t.Errorf("getPath(%q): absent = %v, want %v", path, isAbsent(got), isAbsent(want))
		}
	}
}

func TestExpressionsIgnoreInheritedNames(t *testing.T) {
	ctx := obj("options", newObject(), "row", mustJSON(t, `{"name":"n"}`))
	e := mustJSON(t, `{"a":{"$":"options.constructor"},"b":{"$coalesce":[{"$":"row.__proto__"},{"$":"row.name"}]},"c":{"$if":"row.toString","x":1},"$comment":"ignored"}`)
	if got := jsonText(evaluate(e, ctx, noLookups{}), ""); got != `{"b":"n"}` {
		t.Errorf("got %s", got)
	}
}

func TestReadListSaysWhere(t *testing.T) {
	cat := loadCatalog(t)
	ctx := obj("data", mustJSON(t, `{"x":{"y":"text"},"l":[1],"n":null}`), "item", mustJSON(t, `{"usage":5}`))
	cases := []struct {
		path   string
		labels pathLabels
		err    string
	}{
		{"data.x.y", nil, "`x.y` with a string where a list was expected"},
		{"data.x.y.z", nil, "`x.y` with a string where an object was expected"},
		{"data.l.0", nil, "`l` with a list where an object was expected"},
		{"data.n.z", nil, ""},
		{"data.missing", nil, ""},
		{"item.usage", pathLabels{"item": "getAPIUsageOverTime[]"}, "`getAPIUsageOverTime[].usage` with a number"},
	}
	for _, c := range cases {
		_, err := cat.common.readList(ctx, c.path, c.labels)
		if c.err == "" && err != nil || c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)) {
			t.Errorf("readList(%q) = %v, want %q", c.path, err, c.err)
		}
	}
	if _, err := cat.common.answerData(Answer{Data: []byte(`[1]`)}); err == nil || err.Error() != "The Insights API answered `data` with a list where an object was expected." {
		t.Errorf("data as a list: %v", err)
	}
}
