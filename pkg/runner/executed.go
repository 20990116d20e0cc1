package runner

import "fmt"

// executedQueryString is what the Query inspector shows for a target (catalog/README.md):
// its first request's document, trimmed, a blank line, "# variables" (after more than one
// page, with how many were fetched), then the variables as JSON.stringify(v, null, 2) writes
// them, in the catalog's key order.
func executedQueryString(doc string, variables *object, pages int) string {
	more := ""
	if pages > 1 {
		more = fmt.Sprintf("\n# %d pages fetched; variables of the first page", pages)
	}
	return redact(jsTrim(doc) + "\n\n# variables" + more + "\n" + jsonText(variables, "  "))
}
