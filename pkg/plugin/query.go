package plugin

import (
	"bytes"
	"context"
	"encoding/json"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/choreo-insights/choreo-insights-datasource/pkg/runner"
)

// Server-side queries: alert rules, recorded queries, public dashboards and panels with
// expressions send the panel's saved queries (the model of src/types.ts) to QueryData. Each is
// parsed here and handed to a QueryRunner, the interpreter of the catalog's query types.

const (
	// DefaultQueryType is what a query without queryType runs (src/types.ts DEFAULT_QUERY_TYPE).
	DefaultQueryType = "requestSummary"
	// RawGraphQLQueryType is the hand-written GraphQL mode, which only the frontend runs.
	RawGraphQLQueryType = "graphql"

	// RawGraphQLUnavailable is the answer to a raw GraphQL query on the server side: its
	// variables and response mapping are evaluated by the frontend.
	RawGraphQLUnavailable = "Raw GraphQL queries are not available in alert rules and other server-side features: use a builder query type."
)

// Query is one query of a QueryDataRequest with what Grafana sent around it.
type Query struct {
	RefID string
	// QueryType is the saved queryType, DefaultQueryType when absent.
	QueryType string
	// ModelVersion is the saved modelVersion, 0 for queries saved before versioning (the
	// interpreter migrates them as src/migrations.ts does).
	ModelVersion  int
	TimeRange     backend.TimeRange
	Interval      time.Duration
	MaxDataPoints int64
	// JSON is the saved query as Grafana sent it: the fields of ChoreoQuery in src/types.ts,
	// plus Grafana's own (refId, datasource, intervalMs, maxDataPoints).
	JSON json.RawMessage
}

// ParseQuery reads one backend.DataQuery; a query that is not a JSON object is an error the
// panel or rule shows.
func ParseQuery(q backend.DataQuery) (Query, error) {
	parsed := Query{
		RefID:         q.RefID,
		QueryType:     q.QueryType,
		TimeRange:     q.TimeRange,
		Interval:      q.Interval,
		MaxDataPoints: q.MaxDataPoints,
		JSON:          q.JSON,
	}
	raw := bytes.TrimSpace(q.JSON)
	if len(raw) == 0 {
		raw = []byte("{}")
		parsed.JSON = raw
	}
	var model struct {
		QueryType    *string `json:"queryType"`
		ModelVersion *int    `json:"modelVersion"`
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		return parsed, newError(KindBadRequest, 0, "The query could not be read (%s): open it in the query editor and save it again.", err)
	}
	// Lenient per field: a hand-edited rule with "modelVersion": "1" still runs.
	_ = json.Unmarshal(fields["queryType"], &model.QueryType)
	_ = json.Unmarshal(fields["modelVersion"], &model.ModelVersion)
	if parsed.QueryType == "" && model.QueryType != nil {
		parsed.QueryType = *model.QueryType
	}
	if parsed.QueryType == "" {
		parsed.QueryType = DefaultQueryType
	}
	if model.ModelVersion != nil {
		parsed.ModelVersion = *model.ModelVersion
	}
	return parsed, nil
}

// QueryEnv is what a QueryRunner gets besides the query.
type QueryEnv struct {
	// Settings are validated: QueryData never calls a runner while Settings.Issues is set.
	Settings Settings
	// Client sends GraphQL to the Insights API with the data source's token, retries and
	// user-facing error messages.
	Client Executor
	// Lookups caches the instance's environments and API names (nil: no cache).
	Lookups *runner.Lookups
}

// QueryRunner runs one builder query (any queryType but "graphql") and returns its frames or
// its error. The catalog interpreter implements it: it reads the query type's document from
// catalog.Files, builds variables from q.JSON and q.TimeRange, calls env.Client.Execute, and
// shapes frames per the catalog's frame spec. Errors: return ErrorResponse(err) with the
// client's error as is; partial results: frames plus notices from GraphQLResult.Warnings().
type QueryRunner interface {
	Run(ctx context.Context, env QueryEnv, q Query) backend.DataResponse
}
