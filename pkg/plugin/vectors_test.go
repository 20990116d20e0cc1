package plugin

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// The parity vectors are computed by the frontend's TypeScript (scripts/settingsVectors.ts);
// every case must give the same answer here.

func readVectors[T any](t *testing.T, file string) []T {
	t.Helper()
	// Vectors are read from disk (the binary embeds only what it runs): catalog/ is two levels up.
	raw, err := os.ReadFile(filepath.Join("..", "..", "catalog", file))
	if err != nil {
		t.Fatalf("%s: %v (generate it with npx tsx scripts/settingsVectors.ts)", file, err)
	}
	var doc struct {
		Cases []T `json:"cases"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	if len(doc.Cases) == 0 {
		t.Fatalf("%s has no cases", file)
	}
	return doc.Cases
}

func TestValidateSettingsVectors(t *testing.T) {
	type vector struct {
		Name             string          `json:"name"`
		JSONData         json.RawMessage `json:"jsonData"`
		SecretConfigured *bool           `json:"secretConfigured"`
		Issues           []SettingIssue  `json:"issues"`
	}
	for _, v := range readVectors[vector](t, "vectors/settings/validate.json") {
		t.Run(v.Name, func(t *testing.T) {
			j, err := ParseJSONData(v.JSONData)
			if err != nil {
				t.Fatal(err)
			}
			got := ValidateSettings(j, v.SecretConfigured)
			if len(got) == 0 && len(v.Issues) == 0 {
				return
			}
			if !reflect.DeepEqual(got, v.Issues) {
				t.Errorf("jsonData %s\n got: %+v\nwant: %+v", v.JSONData, got, v.Issues)
			}
		})
	}
}

func TestResolveSettingsVectors(t *testing.T) {
	type vector struct {
		Name     string           `json:"name"`
		JSONData json.RawMessage  `json:"jsonData"`
		Resolved ResolvedSettings `json:"resolved"`
	}
	for _, v := range readVectors[vector](t, "vectors/settings/resolve.json") {
		t.Run(v.Name, func(t *testing.T) {
			j, err := ParseJSONData(v.JSONData)
			if err != nil {
				t.Fatal(err)
			}
			if got := Resolve(j); got != v.Resolved {
				t.Errorf("jsonData %s\n got: %+v\nwant: %+v", v.JSONData, got, v.Resolved)
			}
		})
	}
}
