// Command gotemplategolden renders cases.json with Go's text/template the way Grafana's data
// source proxy renders plugin.json route templates, and prints the result (golden.json) or, with
// -write, writes it. goTemplate.golden.test.ts checks the TypeScript engine against golden.json;
// golden_test.go checks that golden.json is up to date.
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	write := flag.Bool("write", false, "write golden.json instead of printing it")
	flag.Parse()
	if err := run(*write); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(write bool) error {
	casesJSON, err := os.ReadFile("cases.json")
	if err != nil {
		return err
	}
	g, err := render(casesJSON)
	if err != nil {
		return err
	}
	data, err := encode(g)
	if err != nil {
		return err
	}
	if !write {
		_, err = os.Stdout.Write(data)
		return err
	}
	return os.WriteFile("golden.json", data, 0o644)
}
