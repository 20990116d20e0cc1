package plugin

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"time"
)

// User-facing messages for failed calls. Where the situation is the one the frontend meets
// through Grafana's proxy, the words are those of src/client/httpErrors.ts and graphqlClient.ts;
// the backend adds the token exchange (which Grafana's proxy does for the frontend) and its own
// transport failures.

// endpoints are the URLs a message names so the user knows which setting to fix.
type endpoints struct {
	apiURL   string
	tokenURL string
}

const excerptLength = 200

var (
	htmlStart  = regexp.MustCompile(`(?i)^\s*<(!doctype|html|head|body)\b`)
	htmlTitle  = regexp.MustCompile(`(?i)<title[^>]*>([^<]*)</title>`)
	jsonObject = regexp.MustCompile(`^\s*\{`)
	jsonLike   = regexp.MustCompile(`^\s*[{\[]`)
)

func looksLikeHTML(text string) bool { return htmlStart.MatchString(text) }

// upstreamBody is a response body, redacted, and parsed when it is a JSON object.
type upstreamBody struct {
	text string
	obj  map[string]json.RawMessage
	// compact is the JSON text as JSON.stringify would print the parsed object.
	compact string
}

func readBody(raw []byte) upstreamBody {
	b := upstreamBody{text: redact(string(raw))}
	if jsonObject.MatchString(b.text) {
		var obj map[string]json.RawMessage
		if json.Unmarshal([]byte(b.text), &obj) == nil {
			b.obj = obj
			var buf bytes.Buffer
			if json.Compact(&buf, []byte(b.text)) == nil {
				b.compact = buf.String()
			}
		}
	}
	return b
}

// stringField is obj[key] when it is a JSON string.
func stringField(obj map[string]json.RawMessage, key string) (string, bool) {
	raw, ok := obj[key]
	if !ok {
		return "", false
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return "", false
	}
	return s, true
}

func present(obj map[string]json.RawMessage, key string) bool {
	raw, ok := obj[key]
	return ok && string(bytes.TrimSpace(raw)) != "null"
}

// objectMessage is the first of message, error_description, description, error (the `??` chain
// of excerpt() in httpErrors.ts), then GraphQL errors[].message joined; WSO2 API Manager wraps
// its gateway errors in {"fault": {...}}, which is read the same way.
func objectMessage(obj map[string]json.RawMessage) (string, bool) {
	for _, key := range []string{"message", "error_description", "description", "error"} {
		if present(obj, key) {
			return stringField(obj, key)
		}
	}
	if raw, ok := obj["errors"]; ok {
		var items []json.RawMessage
		if json.Unmarshal(raw, &items) == nil {
			var messages []string
			for _, item := range items {
				var e map[string]json.RawMessage
				if json.Unmarshal(item, &e) == nil {
					if m, ok := stringField(e, "message"); ok {
						messages = append(messages, m)
					}
				}
			}
			if len(messages) > 0 {
				return strings.Join(messages, "; "), true
			}
		}
	}
	if raw, ok := obj["fault"]; ok {
		var fault map[string]json.RawMessage
		if json.Unmarshal(raw, &fault) == nil {
			return objectMessage(fault)
		}
	}
	return "", false
}

// excerpt is a short single-line excerpt of a body: enough to recognise, never a wall of HTML.
func (b upstreamBody) excerpt() string {
	text := b.text
	if b.obj != nil {
		if m, ok := objectMessage(b.obj); ok {
			text = m
		} else {
			text = b.compact
		}
	}
	if looksLikeHTML(text) {
		if m := htmlTitle.FindStringSubmatch(text); m != nil && jsTrim(m[1]) != "" {
			return `an HTML page titled "` + jsTrim(m[1]) + `"`
		}
		return "an HTML page"
	}
	text = collapseSpace(text)
	if r := []rune(text); len(r) > excerptLength {
		text = string(r[:excerptLength]) + "…"
	}
	return redact(text)
}

// collapseSpace is text.replace(/\s+/g, ' ').trim().
func collapseSpace(text string) string {
	var b strings.Builder
	space := false
	for _, r := range text {
		if isJSSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

func withDetail(message string, body upstreamBody) string {
	if d := body.excerpt(); d != "" {
		return message + " Response: " + d
	}
	return message
}

// AuthFailedMessage is the answer to an Insights API 401 that a newly fetched token did not fix.
const AuthFailedMessage = "Choreo rejected the credentials: the Insights API answered 401 to a newly issued token. " +
	"Check the consumer key, consumer secret and organization handle, and that the Choreo application is subscribed to the Insights API."

// apiHTTPError maps a failed Insights API answer (not 2xx) to an error; 401 is handled by the
// caller (it refreshes the token first).
func apiHTTPError(status int, header http.Header, raw []byte, ep endpoints, now time.Time) *InsightsError {
	body := readBody(raw)
	switch status {
	case http.StatusUnauthorized:
		return newError(KindAuth, status, "%s", AuthFailedMessage)
	case http.StatusBadRequest:
		return newError(KindBadRequest, status, "%s", withDetail("The Insights API rejected the request (HTTP 400).", body))
	case http.StatusForbidden:
		return newError(KindForbidden, status, "%s", withDetail(
			"Access denied (HTTP 403). The token may lack the apim:api_manage scope, or the Choreo application may not be subscribed to the Insights API.", body))
	case http.StatusNotFound:
		return newError(KindNotFound, status,
			`The Insights API was not found (HTTP 404) at %s. Check "Insights API URL" in the data source's Advanced settings.`, ep.apiURL)
	case http.StatusTooManyRequests:
		wait, known := serverWait(header, body, now)
		e := newError(KindRateLimited, status, "The Insights API is rate limiting requests (HTTP 429). %s", waitText(wait, known))
		e.RetryAfter = wait
		return e
	case http.StatusBadGateway:
		return newError(KindServer, status, "%s", withDetail(fmt.Sprintf(
			"A gateway in front of the Insights API at %s answered HTTP 502 Bad Gateway: the API is failing behind it. Try again later.", ep.apiURL), body))
	case http.StatusGatewayTimeout:
		return newError(KindTimeout, status,
			"The Insights API at %s did not answer in time (HTTP 504 Gateway Timeout). Try a shorter time range or try again later.", ep.apiURL)
	}
	if status >= 500 {
		e := newError(KindServer, status, "%s", withDetail(fmt.Sprintf("The Insights API failed (HTTP %d).", status), body))
		if status == http.StatusServiceUnavailable {
			e.RetryAfter, _ = serverWait(header, body, now)
		}
		return e
	}
	return newError(KindBadRequest, status, "%s", withDetail(fmt.Sprintf("The Insights API answered HTTP %d.", status), body))
}

func waitText(wait time.Duration, known bool) string {
	if !known {
		return "Try again later."
	}
	return fmt.Sprintf("Retry after %d s.", int64((wait+time.Second-1)/time.Second))
}

func unreachableAPI(ep endpoints, cause error) *InsightsError {
	return newError(KindUnreachable, 0,
		`Grafana's server could not reach the Insights API at %s: %s. Check "Insights API URL" in the data source's Advanced settings and that Grafana's server can reach that host.`,
		ep.apiURL, redact(transportCause(cause)))
}

func apiTimeout(ep endpoints, limit time.Duration) *InsightsError {
	return newError(KindTimeout, 0,
		"The Insights API at %s did not answer within %g s. Try a shorter time range or try again later.", ep.apiURL, limit.Seconds())
}

// Messages for a 200 answer that is not a usable GraphQL response (graphqlClient.ts parse()).

func emptyBody(ep endpoints) *InsightsError {
	return newError(KindBadResponse, 0, `The Insights API answered with an empty body. Check "Insights API URL" (%s).`, ep.apiURL)
}

func htmlBody(ep endpoints) *InsightsError {
	return newError(KindBadResponse, 0,
		`The Insights API answered with an HTML page instead of JSON. Check "Insights API URL" (%s): it must be the GraphQL endpoint.`, ep.apiURL)
}

func invalidJSON(text string, ep endpoints) *InsightsError {
	if jsonLike.MatchString(text) {
		return newError(KindBadResponse, 0, "The Insights API answered with invalid JSON (%d bytes, possibly truncated).", len(text))
	}
	return newError(KindBadResponse, 0, `The Insights API answered with text instead of JSON: "%s". Check "Insights API URL" (%s).`,
		readBody([]byte(text)).excerpt(), ep.apiURL)
}

func notGraphQL() *InsightsError {
	return newError(KindBadResponse, 0, "The Insights API answered with something that is not a GraphQL response.")
}

func noDataNoErrors() *InsightsError {
	return newError(KindBadResponse, 0, "The Insights API answered without data or errors.")
}

func graphQLErrors(errs []GraphQLError) *InsightsError {
	return newError(KindGraphQL, 0, "Insights API error: %s", describeGraphQLErrors(errs))
}

// Token endpoint messages. Grafana's proxy fetches the token for the frontend and never shows
// why it failed (the API then answers 401); the backend can say what the STS said.

func tokenUnreachable(tokenURL string, cause error) *InsightsError {
	return newError(KindToken, 0,
		`Grafana's server could not reach Choreo's token endpoint at %s: %s. Check "Token URL" in the data source's Advanced settings and that Grafana's server can reach that host.`,
		tokenURL, redact(transportCause(cause)))
}

func tokenTimeout(tokenURL string, limit time.Duration) *InsightsError {
	return newError(KindToken, 0,
		`Choreo's token endpoint at %s did not answer within %g s. Try again later, or check "Token URL" in the data source's Advanced settings.`,
		tokenURL, limit.Seconds())
}

// tokenRefused explains an OAuth2 error answer ({"error", "error_description"}) and names the
// settings to fix.
func tokenRefused(status int, code, description string) *InsightsError {
	what := code
	if description != "" {
		what = fmt.Sprintf("%s (%s)", code, collapseSpace(description))
	}
	what = redact(what)
	switch code {
	case "invalid_client", "unauthorized_client", "access_denied":
		return newError(KindToken, status,
			`Choreo's token endpoint refused the consumer key and secret: %s. Check "Consumer key", "Consumer secret" and "Organization handle" in the data source settings (the organization handle must be the one of the organization that owns the Choreo application).`,
			what)
	case "invalid_scope":
		return newError(KindToken, status,
			`Choreo's token endpoint refused the scope: %s. Check "Scope" in the data source's Advanced settings: the Insights API needs apim:api_manage.`, what)
	default:
		return newError(KindToken, status,
			`Choreo's token endpoint refused the token request: %s. Check "Token URL" in the data source's Advanced settings (Choreo's is %s) and the consumer key and secret.`,
			what, DefaultTokenURL)
	}
}

// tokenBadAnswer covers an answer with no access_token and no OAuth2 error.
func tokenBadAnswer(tokenURL string, status int, raw []byte) *InsightsError {
	body := readBody(raw)
	if status == http.StatusUnauthorized {
		return newError(KindToken, status, "%s", withDetail(
			`Choreo's token endpoint refused the consumer key and secret (HTTP 401). Check "Consumer key", "Consumer secret" and "Organization handle" in the data source settings.`, body))
	}
	if looksLikeHTML(body.text) {
		return newError(KindToken, status,
			`Choreo's token endpoint at %s answered HTTP %d with %s instead of a token. Check "Token URL" in the data source's Advanced settings.`,
			tokenURL, status, body.excerpt())
	}
	return newError(KindToken, status, "%s", withDetail(fmt.Sprintf(
		`Choreo's token endpoint at %s answered HTTP %d without an access token. Check "Token URL" in the data source's Advanced settings.`, tokenURL, status), body))
}
