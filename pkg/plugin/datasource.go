package plugin

import (
	"context"
	"fmt"
	"net/http"
	"runtime/debug"
	"sync"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/backend/datasource"
	"github.com/grafana/grafana-plugin-sdk-go/backend/httpclient"
	"github.com/grafana/grafana-plugin-sdk-go/backend/instancemgmt"
	"github.com/grafana/grafana-plugin-sdk-go/backend/log"

	"github.com/choreo-insights/choreo-insights-datasource/pkg/runner"
)

// PluginID is the id of src/plugin.json.
const PluginID = "choreo-insights-datasource"

// maxConcurrentQueries bounds the Insights requests one QueryData call makes at once.
const maxConcurrentQueries = 4

var (
	_ backend.QueryDataHandler      = (*Datasource)(nil)
	_ backend.CheckHealthHandler    = (*Datasource)(nil)
	_ instancemgmt.InstanceDisposer = (*Datasource)(nil)
)

// Datasource is one data source instance: its settings, its HTTP client and token cache. The
// SDK's instance manager creates one per data source and replaces it when the data source is
// saved (its settings version changes), which drops the cached token with it.
type Datasource struct {
	settings Settings
	http     *http.Client
	client   *Client
	runner   QueryRunner
	lookups  *runner.Lookups
}

// NewDatasourceFactory is what pkg/main.go hands to datasource.Manage; runner runs builder
// queries (CatalogRunner; tests pass their own).
func NewDatasourceFactory(runner QueryRunner) datasource.InstanceFactoryFunc {
	return func(ctx context.Context, instance backend.DataSourceInstanceSettings) (instancemgmt.Instance, error) {
		return NewDatasource(ctx, instance, runner)
	}
}

// NewDatasource builds an instance. Invalid settings do not fail it: CheckHealth and every
// query report them instead, in the config page's words.
func NewDatasource(ctx context.Context, instance backend.DataSourceInstanceSettings, queryRunner QueryRunner) (*Datasource, error) {
	s := LoadSettings(instance)
	// Grafana's outgoing-request settings (proxy, TLS policy) apply to the plugin's requests.
	opts, err := instance.HTTPClientOptions(ctx)
	if err != nil {
		return nil, fmt.Errorf("http client options: %w", err)
	}
	opts.Timeouts.Timeout = apiRequestTimeout
	hc, err := httpclient.New(opts)
	if err != nil {
		return nil, fmt.Errorf("http client: %w", err)
	}
	return &Datasource{settings: s, http: hc, client: NewClient(hc, s), runner: queryRunner, lookups: runner.NewLookups()}, nil
}

// Dispose is called by the instance manager before the instance is replaced.
func (d *Datasource) Dispose() {
	d.client.Close()
	d.http.CloseIdleConnections()
}

// CheckHealth answers GET /api/datasources/uid/<uid>/health.
func (d *Datasource) CheckHealth(ctx context.Context, _ *backend.CheckHealthRequest) (*backend.CheckHealthResult, error) {
	h := checkHealth(ctx, d.settings, d.client)
	log.DefaultLogger.FromContext(ctx).Debug("CheckHealth", "ok", h.ok)
	return h.result(), nil
}

// QueryData runs every query of the request, a few at a time; each gets its own response.
func (d *Datasource) QueryData(ctx context.Context, req *backend.QueryDataRequest) (*backend.QueryDataResponse, error) {
	log.DefaultLogger.FromContext(ctx).Debug("QueryData", "queries", len(req.Queries))
	results := make([]backend.DataResponse, len(req.Queries))
	slots := make(chan struct{}, maxConcurrentQueries)
	var wg sync.WaitGroup
	for i, q := range req.Queries {
		wg.Add(1)
		go func() {
			defer wg.Done()
			slots <- struct{}{}
			defer func() { <-slots }()
			results[i] = d.query(ctx, q)
		}()
	}
	wg.Wait()
	resp := backend.NewQueryDataResponse()
	for i, q := range req.Queries {
		resp.Responses[q.RefID] = results[i]
	}
	return resp, nil
}

func (d *Datasource) query(ctx context.Context, dq backend.DataQuery) (res backend.DataResponse) {
	defer func() {
		if p := recover(); p != nil {
			log.DefaultLogger.FromContext(ctx).Error("Query panicked", "refId", dq.RefID, "panic", redact(fmt.Sprint(p)), "stack", string(debug.Stack()))
			res = backend.ErrDataResponseWithSource(backend.StatusInternal, backend.ErrorSourcePlugin,
				"The plugin backend failed on this query (an internal error, logged by Grafana's server).")
		}
	}()
	if len(d.settings.Issues) > 0 {
		return ErrorResponse(newError(KindSettings, 0, "The data source settings need fixing: %s", settingsSummary(d.settings.Issues)))
	}
	q, err := ParseQuery(dq)
	if err != nil {
		return ErrorResponse(err)
	}
	if q.QueryType == RawGraphQLQueryType {
		return backend.ErrDataResponseWithSource(backend.StatusBadRequest, backend.ErrorSourceDownstream, RawGraphQLUnavailable)
	}
	return d.runner.Run(ctx, QueryEnv{Settings: d.settings, Client: d.client, Lookups: d.lookups}, q)
}
