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
	// Builder query types run through the QueryRunner; the catalog interpreter replaces this
	// stand-in, which answers "not yet supported".
	factory := plugin.NewDatasourceFactory(plugin.NotYetSupportedRunner{})
	if err := datasource.Manage(plugin.PluginID, factory, datasource.ManageOpts{}); err != nil {
		log.DefaultLogger.Error(err.Error())
		os.Exit(1)
	}
}
