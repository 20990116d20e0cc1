package plugin

import (
	"os"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/backend/log"
)

func TestMain(m *testing.M) {
	// The plugin logs at debug level; tests that read the logs install their own logger.
	log.DefaultLogger = log.NewNullLogger()
	os.Exit(m.Run())
}
