package plugin

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
)

// CheckHealth is what Grafana's server runs for GET /api/datasources/uid/<uid>/health (and
// so the config page's "Save & test" through src/health/): the same checks and messages as the
// frontend's src/health/checkHealth.ts — settings first, then ListEnvironments, which proves
// the token exchange, the subscription and the organization UUID at once. Unlike the browser,
// the backend sees the decrypted secret and so also reports a missing one.

var listEnvironmentsDocument = mustDocument("ListEnvironments")

// healthOutcome is a check result before it becomes a CheckHealthResult.
type healthOutcome struct {
	ok      bool
	message string
	// details is details.message: every settings problem, one a line.
	details string
}

func (h healthOutcome) result() *backend.CheckHealthResult {
	r := &backend.CheckHealthResult{Status: backend.HealthStatusError, Message: h.message}
	if h.ok {
		r.Status = backend.HealthStatusOk
	}
	if h.details != "" {
		r.JSONDetails, _ = json.Marshal(map[string]string{"message": h.details})
	}
	return r
}

// settingsSummary is the first problem, and how many more there are.
func settingsSummary(issues []SettingIssue) string {
	more := ""
	if n := len(issues) - 1; n > 0 {
		plural := ""
		if n > 1 {
			plural = "s"
		}
		more = fmt.Sprintf(" (and %d more setting%s to fix)", n, plural)
	}
	return issues[0].Message + more
}

func settingsHealth(issues []SettingIssue) healthOutcome {
	messages := make([]string, len(issues))
	for i, issue := range issues {
		messages[i] = issue.Message
	}
	return healthOutcome{message: settingsSummary(issues), details: strings.Join(messages, "\n")}
}

type environment struct {
	ID   *string `json:"id"`
	Name *string `json:"name"`
}

// environmentsHealth judges the ListEnvironments answer (or the error that replaced it).
func environmentsHealth(s ResolvedSettings, result *GraphQLResult, err error) healthOutcome {
	if err != nil {
		return healthOutcome{message: AsInsightsError(err).Message}
	}
	var data struct {
		ListEnvironments []*environment `json:"listEnvironments"`
	}
	if json.Unmarshal(result.Data, &data) != nil {
		return healthOutcome{message: notGraphQL().Message}
	}
	var envs []environment
	for _, e := range data.ListEnvironments {
		if e != nil {
			envs = append(envs, *e)
		}
	}
	if len(result.Errors) > 0 {
		return healthOutcome{message: graphQLErrors(result.Errors).Message}
	}
	if len(envs) == 0 {
		return healthOutcome{message: fmt.Sprintf(
			"Connected, but organization %s has no environments. Check the organization UUID (Choreo Console → Settings): it must be the UUID, not the handle.",
			s.OrgUUID)}
	}
	names := make([]string, len(envs))
	known := false
	for i, e := range envs {
		if e.Name != nil {
			names[i] = *e.Name
		}
		if e.ID != nil && *e.ID == s.DefaultEnvironmentID {
			known = true
		}
	}
	list := strings.Join(names, ", ")
	if s.DefaultEnvironmentID != "" && !known {
		return healthOutcome{message: fmt.Sprintf(
			"Connected to organization %s, but the default environment \"%s\" is not one of its environments (%s).",
			s.OrgUUID, s.DefaultEnvironmentID, list)}
	}
	plural := "s"
	if len(envs) == 1 {
		plural = ""
	}
	return healthOutcome{ok: true, message: fmt.Sprintf("Connected to organization %s: %d environment%s (%s)", s.OrgUUID, len(envs), plural, list)}
}

// checkHealth runs the whole check for one instance.
func checkHealth(ctx context.Context, s Settings, client Executor) healthOutcome {
	if len(s.Issues) > 0 {
		return settingsHealth(s.Issues)
	}
	result, err := client.Execute(ctx, GraphQLRequest{
		Query:         listEnvironmentsDocument,
		Variables:     map[string]any{"org": map[string]any{"orgId": s.OrgUUID}},
		OperationName: "ListEnvironments",
	})
	return environmentsHealth(s.ResolvedSettings, result, err)
}
