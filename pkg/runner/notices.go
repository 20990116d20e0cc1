package runner

import "github.com/grafana/grafana-plugin-sdk-go/data"

// notices collects what the panel is told about a query, in the order catalog/README.md,
// Notices, gives; the first of identical texts is kept.
type notices struct {
	list []data.Notice
	seen map[string]bool
}

func (n *notices) add(sev data.NoticeSeverity, text string) {
	if text == "" {
		return
	}
	text = redact(text)
	if n.seen == nil {
		n.seen = map[string]bool{}
	}
	if n.seen[text] {
		return
	}
	n.seen[text] = true
	n.list = append(n.list, data.Notice{Severity: sev, Text: text})
}

func (n *notices) info(text string)    { n.add(data.NoticeSeverityInfo, text) }
func (n *notices) warning(text string) { n.add(data.NoticeSeverityWarning, text) }
