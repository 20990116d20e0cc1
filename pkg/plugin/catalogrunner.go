package plugin

import (
	"context"
	"errors"
	"fmt"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/choreo-insights/choreo-insights-datasource/catalog"
	"github.com/choreo-insights/choreo-insights-datasource/pkg/runner"
)

// CatalogRunner is the QueryRunner of the plugin: pkg/runner interpreting the embedded catalog,
// the same files the browser's runner reads, so a query gives the same frames in a panel and in
// an alert rule. It holds no per-instance state: lookups and the client come in QueryEnv.
type CatalogRunner struct {
	catalog *runner.Catalog
}

// NewCatalogRunner loads and checks the embedded catalog; a catalog the runner cannot interpret
// stops the plugin at start-up, not on a user's query.
func NewCatalogRunner() (*CatalogRunner, error) {
	c, err := runner.Load(catalog.Files)
	if err != nil {
		return nil, err
	}
	return &CatalogRunner{catalog: c}, nil
}

// backendTimeZone is the zone day-long buckets start in: Grafana's server sends no dashboard
// timezone with a query, and alert rules have none.
const backendTimeZone = "utc"

func (r *CatalogRunner) Run(ctx context.Context, env QueryEnv, q Query) backend.DataResponse {
	in := runner.Input{
		Query:         q.JSON,
		From:          q.TimeRange.From,
		To:            q.TimeRange.To,
		IntervalMs:    q.Interval.Milliseconds(),
		MaxDataPoints: q.MaxDataPoints,
		TimeZone:      backendTimeZone,
		Settings: runner.Settings{
			OrgUUID:              env.Settings.OrgUUID,
			Tenant:               env.Settings.Tenant,
			DefaultEnvironmentID: env.Settings.DefaultEnvironmentID,
		},
	}
	res := r.catalog.Run(ctx, in, executorTransport{client: env.Client, catalog: r.catalog}, env.Lookups)
	if res.Error == "" {
		return backend.DataResponse{Frames: res.Frames}
	}
	var ie *InsightsError
	switch {
	case errors.As(res.Cause, &ie):
		// Choreo's failure in the client's words, with the status and source it implies.
		failed := *ie
		failed.Message = res.Error
		return ErrorResponse(&failed)
	case errors.Is(res.Cause, runner.ErrInternal):
		return backend.ErrDataResponseWithSource(backend.StatusInternal, backend.ErrorSourcePlugin, res.Error)
	case errors.Is(res.Cause, context.Canceled), errors.Is(res.Cause, context.DeadlineExceeded):
		return ErrorResponse(cancelled(res.Cause))
	default:
		// The query as saved cannot run, or Choreo's answer is not what the catalog reads.
		return backend.ErrDataResponseWithSource(backend.StatusBadRequest, backend.ErrorSourceDownstream, res.Error)
	}
}

// executorTransport sends the runner's requests through the instance's client (token, retries,
// Choreo's error messages).
type executorTransport struct {
	client  Executor
	catalog *runner.Catalog
}

func (t executorTransport) Do(ctx context.Context, req runner.Request) (runner.Answer, error) {
	result, err := t.client.Execute(ctx, GraphQLRequest{
		Query: req.Query,
		// As the runner wrote them: the catalog's key order, numbers as written.
		Variables:     req.Variables,
		OperationName: req.OperationName,
	})
	if err != nil {
		return runner.Answer{}, err
	}
	if result == nil {
		return runner.Answer{}, fmt.Errorf("the Insights client returned neither an answer nor an error")
	}
	answer := runner.Answer{Data: result.Data}
	for _, e := range result.Errors {
		answer.Errors = append(answer.Errors, runner.GraphQLError{Message: e.Message, Path: e.Path})
	}
	return answer, nil
}
