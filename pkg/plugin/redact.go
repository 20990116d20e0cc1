package plugin

import (
	"regexp"
	"strings"
	"sync"
)

// Upstream bodies are quoted in messages (an error page's title, a gateway's JSON), and some
// gateways echo the request, Authorization header included. Everything quoted goes through
// redact: bearer and basic credentials, Authorization values, token and secret fields, and the
// literal secrets this process knows (the consumer secrets and the tokens it holds).

const redacted = "[redacted]"

var redactions = []struct {
	pattern *regexp.Regexp
	replace string
}{
	// "Authorization: Bearer abc", "authorization":"Basic abc", Authorization=abc
	{regexp.MustCompile(`(?i)(authorization\\?"?\s*[:=]\s*\\?"?)(?:(?:bearer|basic|token)\s+)?[^\s"\\,;}&]+`), "${1}" + redacted},
	{regexp.MustCompile(`(?i)\b(bearer|basic)\s+[A-Za-z0-9\-._~+/]+=*`), "${1} " + redacted},
	// access_token=..., "client_secret": "...", refresh_token, id_token, password
	{regexp.MustCompile(`(?i)((?:access_token|refresh_token|id_token|client_secret|consumer_?secret|password)\\?"?\s*[:=]\s*\\?"?)[^\s"\\,;}&]+`), "${1}" + redacted},
}

// knownSecrets are literal values redacted wherever they appear, counted by holder: a data
// source instance holds its consumer secret, a token cache the token it keeps.
var knownSecrets = struct {
	sync.RWMutex
	values map[string]int
}{values: map[string]int{}}

// minSecretLength keeps short values (a test's "x") from shredding ordinary words.
const minSecretLength = 6

func rememberSecret(s string) {
	if len(s) < minSecretLength {
		return
	}
	knownSecrets.Lock()
	knownSecrets.values[s]++
	knownSecrets.Unlock()
}

func forgetSecret(s string) {
	if len(s) < minSecretLength {
		return
	}
	knownSecrets.Lock()
	if knownSecrets.values[s]--; knownSecrets.values[s] <= 0 {
		delete(knownSecrets.values, s)
	}
	knownSecrets.Unlock()
}

// redact removes credentials from text that came from outside (or may quote it).
func redact(text string) string {
	knownSecrets.RLock()
	for s := range knownSecrets.values {
		if strings.Contains(text, s) {
			text = strings.ReplaceAll(text, s, redacted)
		}
	}
	knownSecrets.RUnlock()
	for _, r := range redactions {
		text = r.pattern.ReplaceAllString(text, r.replace)
	}
	return text
}
