package main

import (
	"encoding/json"
	"os"
	"testing"
)

// TestGoldenUpToDate fails when golden.json is not what this Go renders for cases.json: run
// `go run . -write` after changing the corpus. Go's error texts (goError) are not compared, as
// Go may reword them between releases; whether a case fails, and at which stage, is.
func TestGoldenUpToDate(t *testing.T) {
	casesJSON, err := os.ReadFile("cases.json")
	if err != nil {
		t.Fatal(err)
	}
	want, err := render(casesJSON)
	if err != nil {
		t.Fatal(err)
	}
	goldenJSON, err := os.ReadFile("golden.json")
	if err != nil {
		t.Fatal(err)
	}
	var got golden
	if err := json.Unmarshal(goldenJSON, &got); err != nil {
		t.Fatalf("golden.json: %v", err)
	}
	if len(got.Cases) != len(want.Cases) {
		t.Fatalf("golden.json has %d cases, cases.json %d: run `go run . -write`", len(got.Cases), len(want.Cases))
	}
	for i := range want.Cases {
		g, w := got.Cases[i], want.Cases[i]
		g.GoError, w.GoError = "", ""
		if !equalResults(g, w) {
			t.Errorf("case %d (%s): golden.json has %s, Go renders %s: run `go run . -write`", i, w.Name, show(g), show(w))
		}
	}
}

func equalResults(a, b result) bool {
	if (a.Output == nil) != (b.Output == nil) || (a.Output != nil && *a.Output != *b.Output) {
		return false
	}
	a.Output, b.Output = nil, nil
	return a == b
}

func show(r result) string {
	data, _ := json.Marshal(r)
	return string(data)
}

// TestInterpolateLikeGrafana pins the behaviours the corpus is about, so a change in the
// rendering code itself (not only in Go) shows up here.
func TestInterpolateLikeGrafana(t *testing.T) {
	jsonData, err := decodeUseNumber(json.RawMessage(`{"n": 1.50, "zero": 0, "null": null}`))
	if err != nil {
		t.Fatal(err)
	}
	data := templateData{JsonData: jsonData, SecureJsonData: map[string]string{"s": "x"}}
	for template, want := range map[string]string{
		`{{ .JsonData.n }}`:                    "1.50",
		`{{ or .JsonData.zero "d" }}`:          "0",
		`{{ .JsonData.null }}`:                 "<no value>",
		`[{{ .JsonData.null | orEmpty }}]`:     "[]",
		`[{{ .SecureJsonData.no | orEmpty }}]`: "[]",
		`{{ .SecureJsonData.s }}`:              "x",
	} {
		got, _, err := interpolateString(template, data)
		if err != nil || got != want {
			t.Errorf("%s: got %q, %v; want %q", template, got, err, want)
		}
	}
	if _, stage, err := interpolateString(`{{ "\400" }}`, data); err == nil || stage != "parse" {
		t.Errorf(`"\400": want a parse error, got stage %q, %v`, stage, err)
	}
}
