// Command gpx_choreo_insights is the plugin's backend: Grafana's server starts it to run the
// data source's health check and server-side queries (alert rules, recorded queries, public
// dashboards, expressions). Dashboards in the browser keep querying through the plugin.json
// route and never reach it.
package main

import (
	"os"

	"github.com/grafana/grafana-plugin-sdk-go/backend/datasource"
	"github.com/grafana/grafana-plugin-sdk-go/backend/log"

	"github.com/choreo-insights/choreo-insights-datasource/pkg/plugin"
)

func main() {
	queries, err := plugin.NewCatalogRunner()
	if err != nil {
		log.DefaultLogger.Error("The embedded catalog cannot be interpreted", "error", err.Error())
		os.Exit(1)
	}
	factory := plugin.NewDatasourceFactory(queries)
	if err := datasource.Manage(plugin.PluginID, factory, datasource.ManageOpts{}); err != nil {
		log.DefaultLogger.Error(err.Error())
		os.Exit(1)
	}
}
