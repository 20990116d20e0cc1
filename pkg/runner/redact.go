package runner

import "regexp"

// Credentials a text may carry when an upstream echoes a request back: the same patterns as
// src/client/redact.ts (JavaScript's \s is spelled out: Go's is ASCII only). Every error,
// notice and executedQueryString passes through redact before it is shown.
var redactions = []struct {
	re *regexp.Regexp
	to string
}{
	{regexp.MustCompile(`(?i)\b(x-ds-authorization|authorization)(["']?[` + jsSpaceClass + `]*[:=][` + jsSpaceClass + `]*["']?)[^"'\r\n,;}]*`), "${1}${2}[redacted]"},
	{regexp.MustCompile(`(?i)\bBearer[` + jsSpaceClass + `]+[A-Za-z0-9\-._~+/]+=*`), "Bearer [redacted]"},
	{regexp.MustCompile(`(?i)\b(access_token|refresh_token|id_token|client_secret|consumerSecret|consumer_secret)(["']?[` + jsSpaceClass + `]*[:=][` + jsSpaceClass + `]*["']?)[^"'&` + jsSpaceClass + `,;}]+`), "${1}${2}[redacted]"},
	{regexp.MustCompile(`\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]+`), "[redacted]"},
}

// redact blanks out credentials in a text that is about to be shown.
func redact(text string) string {
	for _, r := range redactions {
		text = r.re.ReplaceAllString(text, r.to)
	}
	return text
}
