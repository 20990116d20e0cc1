package plugin

import (
	"fmt"

	"github.com/choreo-insights/choreo-insights-datasource/catalog"
)

// Document is a GraphQL document of the catalog (catalog/documents/<name>.graphql), the same
// file the frontend's catalog uses: the backend never carries GraphQL text of its own.
func Document(name string) (string, error) {
	raw, err := catalog.Files.ReadFile("documents/" + name + ".graphql")
	if err != nil {
		return "", fmt.Errorf("catalog document %s: %w", name, err)
	}
	return string(raw), nil
}

func mustDocument(name string) string {
	doc, err := Document(name)
	if err != nil {
		panic(err)
	}
	return doc
}
