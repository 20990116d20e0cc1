package plugin

import (
	"encoding/json"
	"testing"
)

func TestCheckHealthVectors(t *testing.T) {
	type vector struct {
		Name     string          `json:"name"`
		JSONData json.RawMessage `json:"jsonData"`
		Response *struct {
			Data   json.RawMessage `json:"data"`
			Errors []GraphQLError  `json:"errors"`
		} `json:"response"`
		Expected struct {
			Status  string `json:"status"`
			Message string `json:"message"`
			Details *struct {
				Message string `json:"message"`
			} `json:"details"`
		} `json:"expected"`
	}
	for _, v := range readVectors[vector](t, "vectors/health/checkHealth.json") {
		t.Run(v.Name, func(t *testing.T) {
			j, err := ParseJSONData(v.JSONData)
			if err != nil {
				t.Fatal(err)
			}
			// The frontend's check cannot see the secret: run the backend's with "unknown" too.
			issues := ValidateSettings(j, nil)
			var got healthOutcome
			if len(issues) > 0 {
				if v.Response != nil {
					t.Fatal("vector has a response but the settings are invalid here")
				}
				got = settingsHealth(issues)
			} else {
				if v.Response == nil {
					t.Fatal("settings are valid here but the vector expects no request")
				}
				got = environmentsHealth(Resolve(j), &GraphQLResult{Data: v.Response.Data, Errors: v.Response.Errors}, nil)
			}
			wantStatus := map[string]bool{"success": true, "error": false}[v.Expected.Status]
			if got.ok != wantStatus || got.message != v.Expected.Message {
				t.Errorf("\n got: ok=%v %q\nwant: %s %q", got.ok, got.message, v.Expected.Status, v.Expected.Message)
			}
			wantDetails := ""
			if v.Expected.Details != nil {
				wantDetails = v.Expected.Details.Message
			}
			if got.details != wantDetails {
				t.Errorf("details\n got: %q\nwant: %q", got.details, wantDetails)
			}
		})
	}
}
