package runner

import (
	"math"
	"strings"
	"testing"
)

// Expected texts below are what Node prints for the same values (String(n), JSON.stringify,
// Number(text)).

func TestJSNumber(t *testing.T) {
	cases := []struct {
		in   float64
		want string
	}{
		{0, "0"}, {math.Copysign(0, -1), "0"}, {1, "1"}, {-1, "-1"}, {0.1, "0.1"}, {0.5, "0.5"},
		{1.5e-7, "1.5e-7"}, {1e-7, "1e-7"}, {0.000001, "0.000001"},
		{123456789012345680000, "123456789012345680000"}, {1e21, "1e+21"}, {1.2345e21, "1.2345e+21"},
		{-1e-7, "-1e-7"}, {5e-324, "5e-324"}, {1.7976931348623157e308, "1.7976931348623157e+308"},
		{9007199254740992, "9007199254740992"}, {9007199254740994, "9007199254740994"},
		{0.30000000000000004, "0.30000000000000004"}, {100, "100"}, {1e3, "1000"}, {123.456, "123.456"},
		{-9007199254740991, "-9007199254740991"}, {3.14159e-10, "3.14159e-10"},
		{25.333333333333332, "25.333333333333332"}, {math.Inf(1), "Infinity"}, {math.NaN(), "NaN"},
	}
	for _, c := range cases {
		if got := jsNumber(c.in); got != c.want {
			t.Errorf("jsNumber(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestJSONTextIsJSONStringify(t *testing.T) {
	v, err := parseJSON([]byte(`{"b":1,"2":"x","a":[1,{"z":null,"1":true}],"10":{},"01":[]}`))
	if err != nil {
		t.Fatal(err)
	}
	// Array-index keys first, ascending; then insertion order ("01" is not an index).
	if got, want := jsonText(v, ""), `{"2":"x","10":{},"b":1,"a":[1,{"1":true,"z":null}],"01":[]}`; got != want {
		t.Errorf("compact:\n got %s\nwant %s", got, want)
	}
	want := "{\n  \"2\": \"x\",\n  \"10\": {},\n  \"b\": 1,\n  \"a\": [\n    1,\n    {\n      \"1\": true,\n      \"z\": null\n    }\n  ],\n  \"01\": []\n}"
	if got := jsonText(v, "  "); got != want {
		t.Errorf("indented:\n got %s\nwant %s", got, want)
	}
	s := obj("s", "\u2028\u2029<>&\u007f\u0000\u001f\b\f\n\r\t\"\\é😀")
	if got, want := jsonText(s, ""), "{\"s\":\"\u2028\u2029<>&\u007f\\u0000\\u001f\\b\\f\\n\\r\\t\\\"\\\\é😀\"}"; got != want {
		t.Errorf("escaping:\n got %s\nwant %s", got, want)
	}
}

func TestParseJSONKeepsOrderAndLastDuplicate(t *testing.T) {
	v, err := parseJSON([]byte(`{"z":1,"a":2,"z":3}`))
	if err != nil {
		t.Fatal(err)
	}
	if got := jsonText(v, ""); got != `{"z":3,"a":2}` {
		t.Errorf("got %s", got)
	}
	for _, bad := range []string{``, `{`, `{"a":1}x`, `[1,]`, `nul`} {
		if _, err := parseJSON([]byte(bad)); err == nil {
			t.Errorf("parseJSON(%q) accepted", bad)
		}
	}
	if v, err := parseJSON([]byte(`1e400`)); err != nil || !math.IsInf(v.(float64), 1) {
		t.Errorf("1e400 = %v, %v; want +Inf as JSON.parse", v, err)
	}
}

func TestJSToNumber(t *testing.T) {
	cases := map[string]float64{
		"0x10": 16, " 12 ": 12, "1e3": 1000, "Infinity": math.Inf(1), "0b101": 5, "0o17": 15,
		"+5": 5, ".5": 0.5, "5.": 5, "": 0, "  ": 0, "0X1F": 31, "1e400": math.Inf(1), "-Infinity": math.Inf(-1),
	}
	for in, want := range cases {
		if got := jsToNumber(in); got != want {
			t.Errorf("Number(%q) = %v, want %v", in, got, want)
		}
	}
	for _, in := range []string{"-0x10", "abc", "1_000", "infinity", "1e", "0x", "NaN", "1,5"} {
		if got := jsToNumber(in); !math.IsNaN(got) {
			t.Errorf("Number(%q) = %v, want NaN", in, got)
		}
	}
}

func TestJSString(t *testing.T) {
	cases := []struct {
		in   any
		want string
	}{
		{nil, "null"}, {true, "true"}, {2.5, "2.5"}, {"x", "x"},
		{[]any{1.0, nil, "a", []any{2.0, 3.0}}, "1,,a,2,3"}, {newObject(), "[object Object]"},
	}
	for _, c := range cases {
		if got := jsString(c.in); got != c.want {
			t.Errorf("String(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestFormatMessage(t *testing.T) {
	got := formatMessage("{n} of {total} ({max}) {typo}", params{"n": 3, "total": 1e21, "max": 20000.0})
	if want := "3 of 1e+21 (20000) {typo}"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestRedact(t *testing.T) {
	cases := map[string]string{
		`Authorization: Bearer abc.def`:                  `Authorization: [redacted]`,
		`got "authorization":"Basic xyz", next`:          `got "authorization":"[redacted]", next`,
		`token Bearer eyJhbGciOi.xyz== end`:              `token Bearer [redacted] end`,
		`access_token=s3cr3t&x=1`:                        `access_token=[redacted]&x=1`,
		`{"client_secret": "abc"}`:                       `{"client_secret": "[redacted]"}`,
		`jwt eyJhbGciOiJI.eyJzdWIiOiIx.sig-nature here`:  `jwt [redacted] here`,
		"consumerSecret:\u00a0hunter2":                   "consumerSecret:\u00a0[redacted]",
		`nothing secret about Bearerish words or tokens`: `nothing secret about Bearerish words or tokens`,
	}
	for in, want := range cases {
		if got := redact(in); got != want {
			t.Errorf("redact(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseJSONAsJSONParse(t *testing.T) {
	good := map[string]string{
		`"\ud83d\ude00 \u00e9 \/ \b\f\n\r\t \"\\"`:                 "\"😀 é / \\b\\f\\n\\r\\t \\\"\\\\\"",
		` [ 1 , -0 , 0.5 , 1E2 , -12.5e-1 , 123456789012345678 ] `: `[1,0,0.5,100,-1.25,123456789012345680]`,
		`{"a":{"b":[{}, [], null, true, false]}}`:                  `{"a":{"b":[{},[],null,true,false]}}`,
		`"\ud800x"`: `"` + "\ufffd" + `x"`, // a lone surrogate cannot be held in a Go string
	}
	for in, want := range good {
		v, err := parseJSON([]byte(in))
		if err != nil {
			t.Errorf("parseJSON(%s): %v", in, err)
			continue
		}
		if got := jsonText(v, ""); got != want {
			t.Errorf("parseJSON(%s) = %s, want %s", in, got, want)
		}
	}
	for _, bad := range []string{`01`, `-`, `1.`, `.5`, `+1`, `"a` + "\n" + `"`, `"\x"`, `"\u12"`, `[1 2]`, `{"a" 1}`, `{a:1}`, "\ufeff1", `tru`, `{"a":1,}`} {
		if _, err := parseJSON([]byte(bad)); err == nil {
			t.Errorf("parseJSON(%q) accepted", bad)
		}
	}
	deep := strings.Repeat("[", maxParseDepth+1) + strings.Repeat("]", maxParseDepth+1)
	if _, err := parseJSON([]byte(deep)); err == nil {
		t.Error("nesting past the limit accepted")
	}
}
