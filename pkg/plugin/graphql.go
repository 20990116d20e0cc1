package plugin

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend/log"
)

// The backend's only way to Choreo's Insights API: POST {query, variables, operationName} with
// a bearer token from tokenSource. A 401 drops the token and retries once with a new one; 429
// and 503 are retried per RetryPolicy; every failure becomes an *InsightsError whose message
// says what to fix.

const (
	// apiRequestTimeout bounds one HTTP request (Grafana's proxy default is 30 s too).
	apiRequestTimeout = 30 * time.Second
	maxAPIBody        = 256 << 20
)

// GraphQLRequest is one GraphQL-over-HTTP request body.
type GraphQLRequest struct {
	Query string `json:"query"`
	// Variables is a map or json.RawMessage (the catalog runner's, in the catalog's key order).
	Variables     any    `json:"variables,omitempty"`
	OperationName string `json:"operationName,omitempty"`
}

// GraphQLError is one entry of a response's errors.
type GraphQLError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path,omitempty"`
	Extensions map[string]any `json:"extensions,omitempty"`
}

// GraphQLResult is a usable answer: Data is never JSON null. Errors came with the data
// (partial results): show them as warnings and keep the data.
type GraphQLResult struct {
	Data   json.RawMessage
	Errors []GraphQLError
}

// Warnings are the partial-result errors as messages for frame notices.
func (r *GraphQLResult) Warnings() []string {
	out := make([]string, 0, len(r.Errors))
	for _, e := range r.Errors {
		out = append(out, "Insights API error: "+describeGraphQLError(e))
	}
	return out
}

// Executor runs GraphQL against the Insights API; *Client is the real one.
type Executor interface {
	Execute(ctx context.Context, req GraphQLRequest) (*GraphQLResult, error)
}

// Client is the Insights API client of one data source instance.
type Client struct {
	secret  string
	http    *http.Client
	tokens  *tokenSource
	ep      endpoints
	retry   RetryPolicy
	timeout time.Duration
	now     func() time.Time
}

var _ Executor = (*Client)(nil)

// NewClient builds the client for s; httpClient carries Grafana's proxy and TLS settings. The
// consumer secret is redacted from every message until Close.
func NewClient(httpClient *http.Client, s Settings) *Client {
	rememberSecret(s.ConsumerSecret)
	return &Client{
		secret:  s.ConsumerSecret,
		http:    httpClient,
		tokens:  newTokenSource(httpClient, s),
		ep:      endpoints{apiURL: s.APIURL, tokenURL: s.TokenURL},
		retry:   DefaultRetryPolicy,
		timeout: apiRequestTimeout,
		now:     time.Now,
	}
}

// Close drops the cached token and stops redacting this client's secret.
func (c *Client) Close() {
	c.tokens.Close()
	forgetSecret(c.secret)
}

// Execute sends one GraphQL request, retrying throttled and unavailable answers.
func (c *Client) Execute(ctx context.Context, req GraphQLRequest) (*GraphQLResult, error) {
	body, err := json.Marshal(req)
	if err != nil {
		return nil, newError(KindBadRequest, 0, "The query's variables cannot be sent as JSON: %s", err)
	}
	logger := log.DefaultLogger.FromContext(ctx)
	var waited time.Duration
	for attempt := 0; ; attempt++ {
		result, err := c.executeAuthorized(ctx, body)
		if err == nil {
			return result, nil
		}
		ie := AsInsightsError(err)
		if !isRetryable(ie) {
			return nil, ie
		}
		d, ok := c.retry.delay(ie, attempt, waited)
		if !ok {
			return nil, ie
		}
		logger.Debug("Insights API throttled the request, retrying", "status", ie.Status, "wait", d.String(), "operation", req.OperationName)
		if err := c.retry.Sleep(ctx, d); err != nil {
			return nil, cancelled(err)
		}
		waited += d
	}
}

// executeAuthorized is one attempt: with the cached token, and once more with a new token if
// the API refuses it (revoked, expired early, or from before the secret was rotated).
func (c *Client) executeAuthorized(ctx context.Context, body []byte) (*GraphQLResult, error) {
	token, err := c.tokens.Token(ctx)
	if err != nil {
		return nil, contextOr(ctx, err)
	}
	result, status, err := c.post(ctx, body, token)
	if status != http.StatusUnauthorized {
		return result, err
	}
	log.DefaultLogger.FromContext(ctx).Debug("Insights API refused the token (401): fetching a new one")
	c.tokens.Invalidate(token)
	if token, err = c.tokens.Token(ctx); err != nil {
		return nil, contextOr(ctx, err)
	}
	result, _, err = c.post(ctx, body, token)
	return result, err
}

func (c *Client) post(ctx context.Context, body []byte, token string) (*GraphQLResult, int, error) {
	reqCtx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(reqCtx, http.MethodPost, c.ep.apiURL, bytes.NewReader(body))
	if err != nil {
		return nil, 0, unreachableAPI(c.ep, err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, 0, c.transportError(ctx, reqCtx, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, maxAPIBody+1))
	if err != nil {
		return nil, resp.StatusCode, c.transportError(ctx, reqCtx, err)
	}
	if len(raw) > maxAPIBody {
		return nil, resp.StatusCode, newError(KindBadResponse, resp.StatusCode, "The Insights API answered with more than %d MiB: narrow the query.", maxAPIBody>>20)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, resp.StatusCode, apiHTTPError(resp.StatusCode, resp.Header, raw, c.ep, c.now())
	}
	result, err := parseGraphQL(raw, c.ep)
	return result, resp.StatusCode, err
}

func (c *Client) transportError(ctx, reqCtx context.Context, err error) error {
	switch {
	case ctx.Err() != nil:
		return cancelled(ctx.Err())
	case errors.Is(reqCtx.Err(), context.DeadlineExceeded):
		return apiTimeout(c.ep, c.timeout)
	}
	return unreachableAPI(c.ep, err)
}

// contextOr prefers the caller's own cancellation over the error it caused.
func contextOr(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return cancelled(ctx.Err())
	}
	return err
}

func cancelled(cause error) *InsightsError {
	e := newError(KindCancelled, 0, "The request was cancelled.")
	if errors.Is(cause, context.DeadlineExceeded) {
		e = newError(KindTimeout, 0, "The query took too long and was stopped.")
	}
	e.cause = cause
	return e
}

// transportCause is a transport failure without Go's "Post \"url\":" prefix (the message names
// the URL already).
func transportCause(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return err.Error()
}

// parseGraphQL reads a 2xx answer as graphqlClient.ts parse() does.
func parseGraphQL(raw []byte, ep endpoints) (*GraphQLResult, error) {
	text := string(raw)
	if jsTrim(text) == "" {
		return nil, emptyBody(ep)
	}
	if looksLikeHTML(text) {
		return nil, htmlBody(ep)
	}
	if !json.Valid(raw) {
		return nil, invalidJSON(text, ep)
	}
	var payload map[string]json.RawMessage
	if json.Unmarshal(raw, &payload) != nil {
		return nil, notGraphQL()
	}
	errs := parseGraphQLErrors(payload["errors"])
	data := bytes.TrimSpace(payload["data"])
	if len(data) == 0 || string(data) == "null" {
		if len(errs) > 0 {
			return nil, graphQLErrors(errs)
		}
		return nil, noDataNoErrors()
	}
	return &GraphQLResult{Data: json.RawMessage(data), Errors: errs}, nil
}

// parseGraphQLErrors is lenient like toErrorItem(): an entry without a string message is shown
// as its JSON text.
func parseGraphQLErrors(raw json.RawMessage) []GraphQLError {
	var items []json.RawMessage
	if json.Unmarshal(raw, &items) != nil {
		return nil
	}
	out := make([]GraphQLError, 0, len(items))
	for _, item := range items {
		var e GraphQLError
		var fields map[string]json.RawMessage
		if json.Unmarshal(item, &fields) == nil {
			if m, ok := stringField(fields, "message"); ok {
				e.Message = m
			} else {
				e.Message = compactJSON(item)
			}
			_ = json.Unmarshal(fields["path"], &e.Path)
			_ = json.Unmarshal(fields["extensions"], &e.Extensions)
		} else {
			var s string
			if json.Unmarshal(item, &s) == nil {
				e.Message = s
			} else {
				e.Message = compactJSON(item)
			}
		}
		out = append(out, e)
	}
	return out
}

func compactJSON(raw json.RawMessage) string {
	var buf bytes.Buffer
	if json.Compact(&buf, raw) != nil {
		return string(raw)
	}
	return buf.String()
}

// describeGraphQLError formats one error as "message (at a.b.0)".
func describeGraphQLError(e GraphQLError) string {
	if len(e.Path) == 0 {
		return redact(e.Message)
	}
	parts := make([]string, 0, len(e.Path))
	for _, p := range e.Path {
		switch v := p.(type) {
		case float64:
			parts = append(parts, strconv.FormatFloat(v, 'f', -1, 64))
		case string:
			parts = append(parts, v)
		default:
			parts = append(parts, fmt.Sprint(v))
		}
	}
	return fmt.Sprintf("%s (at %s)", redact(e.Message), strings.Join(parts, "."))
}

func describeGraphQLErrors(errs []GraphQLError) string {
	parts := make([]string, 0, len(errs))
	for _, e := range errs {
		parts = append(parts, describeGraphQLError(e))
	}
	return strings.Join(parts, "; ")
}
