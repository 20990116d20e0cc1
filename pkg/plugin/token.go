package plugin

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend/log"
	"golang.org/x/sync/singleflight"
)

// The OAuth2 client-credentials exchange, as the plugin.json route's tokenAuth makes Grafana's
// proxy do it: POST application/x-www-form-urlencoded with grant_type, client_id,
// client_secret, orgHandle and scope in the body (client_secret_post, no Basic header), the
// token reused until 10 s before it expires. The cache lives in one data source instance, and
// the SDK's instance manager builds a new instance whenever the data source is saved, so a
// saved data source always starts with a new token (as Grafana's proxy cache does).

const (
	// tokenExpiryMargin: a token is not used in its last 10 s (Grafana's proxy does the same).
	tokenExpiryMargin = 10 * time.Second
	// maxTokenLifetime clamps WSO2's never-expiring tokens (expires_in 9223372036854775807):
	// the instance is rebuilt long before, and a revoked token is dropped on the first 401.
	maxTokenLifetime = 365 * 24 * time.Hour
	// tokenRequestTimeout is Grafana's own for tokenAuth.
	tokenRequestTimeout = 30 * time.Second
	maxTokenBody        = 1 << 20
)

// tokenSource fetches and caches one data source's access token.
type tokenSource struct {
	http     *http.Client
	tokenURL string
	form     url.Values
	now      func() time.Time
	timeout  time.Duration

	mu     sync.Mutex
	token  string
	expiry time.Time // zero: not cacheable
	// transient is the last token that could not be cached (no expiry given): remembered only
	// so messages can redact it.
	transient string

	flight singleflight.Group
}

func newTokenSource(client *http.Client, s Settings) *tokenSource {
	return &tokenSource{
		http:     client,
		tokenURL: s.TokenURL,
		form: url.Values{
			"grant_type":    {"client_credentials"},
			"client_id":     {s.ConsumerKey},
			"client_secret": {s.ConsumerSecret},
			"orgHandle":     {s.OrgHandle},
			"scope":         {s.Scope},
		},
		now:     time.Now,
		timeout: tokenRequestTimeout,
	}
}

// Token returns a cached token that is good for at least 10 s more, or fetches one. Callers
// arriving while a fetch is running wait for that fetch: one request to the STS, whatever the
// number of concurrent queries. A caller whose ctx ends stops waiting; the fetch goes on for
// the others, bounded by its own timeout.
func (s *tokenSource) Token(ctx context.Context) (string, error) {
	if t := s.cached(); t != "" {
		return t, nil
	}
	results := s.flight.DoChan("token", func() (any, error) {
		if t := s.cached(); t != "" { // fetched while this caller was queueing
			return t, nil
		}
		fetchCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.timeout)
		defer cancel()
		return s.fetch(fetchCtx)
	})
	select {
	case r := <-results:
		if r.Err != nil {
			return "", r.Err
		}
		return r.Val.(string), nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func (s *tokenSource) cached() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.token != "" && s.now().Add(tokenExpiryMargin).Before(s.expiry) {
		return s.token
	}
	return ""
}

// Invalidate drops the cached token if it is still token (the Insights API refused it), so the
// next Token call fetches a new one.
func (s *tokenSource) Invalidate(token string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.token == token {
		s.store("", time.Time{})
	}
}

// store replaces the cached token; callers hold mu.
func (s *tokenSource) store(token string, expiry time.Time) {
	if s.token != "" {
		forgetSecret(s.token)
	}
	s.token, s.expiry = token, expiry
	if token != "" {
		rememberSecret(token)
	}
}

// Close forgets the cached token (the instance is being replaced).
func (s *tokenSource) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.store("", time.Time{})
	forgetSecret(s.transient)
	s.transient = ""
}

type tokenAnswer struct {
	AccessToken      string          `json:"access_token"`
	ExpiresIn        json.RawMessage `json:"expires_in"`
	ExpiresOn        json.RawMessage `json:"expires_on"`
	Error            string          `json:"error"`
	ErrorDescription string          `json:"error_description"`
}

func (s *tokenSource) fetch(ctx context.Context) (string, error) {
	logger := log.DefaultLogger.FromContext(ctx)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.tokenURL, strings.NewReader(s.form.Encode()))
	if err != nil {
		return "", tokenUnreachable(s.tokenURL, err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	started := s.now()
	resp, err := s.http.Do(req)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return "", tokenTimeout(s.tokenURL, s.timeout)
		}
		return "", tokenUnreachable(s.tokenURL, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, maxTokenBody))
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return "", tokenTimeout(s.tokenURL, s.timeout)
		}
		return "", tokenUnreachable(s.tokenURL, err)
	}
	var answer tokenAnswer
	parsed := json.Unmarshal(raw, &answer) == nil
	switch {
	case parsed && answer.Error != "":
		logger.Warn("Choreo's token endpoint refused the request", "status", resp.StatusCode, "error", redact(answer.Error))
		return "", tokenRefused(resp.StatusCode, answer.Error, answer.ErrorDescription)
	case !parsed || answer.AccessToken == "" || resp.StatusCode < 200 || resp.StatusCode > 299:
		logger.Warn("Choreo's token endpoint gave no token", "status", resp.StatusCode)
		return "", tokenBadAnswer(s.tokenURL, resp.StatusCode, raw)
	}
	expiry, cacheable := tokenExpiry(answer, started)
	s.mu.Lock()
	if cacheable {
		s.store(answer.AccessToken, expiry)
	} else {
		// Without an expiry Grafana's proxy fetches a token per request; so does the backend.
		s.store("", time.Time{})
		forgetSecret(s.transient)
		s.transient = answer.AccessToken
		rememberSecret(s.transient)
	}
	s.mu.Unlock()
	if cacheable {
		logger.Debug("Fetched a Choreo access token", "validFor", expiry.Sub(s.now()).Round(time.Second).String())
	} else {
		logger.Debug("Fetched a Choreo access token without an expiry: it is not cached")
	}
	return answer.AccessToken, nil
}

// tokenExpiry reads expires_on (epoch seconds) or else expires_in (seconds), each a number or
// a numeric string, as Grafana's proxy does, and clamps absurd lifetimes.
func tokenExpiry(a tokenAnswer, issued time.Time) (time.Time, bool) {
	latest := issued.Add(maxTokenLifetime)
	if on, ok := jsonSeconds(a.ExpiresOn); ok {
		if on >= float64(latest.Unix()) {
			return latest, true
		}
		return time.Unix(int64(on), 0), true
	}
	if in, ok := jsonSeconds(a.ExpiresIn); ok {
		if in >= maxTokenLifetime.Seconds() {
			return latest, true
		}
		return issued.Add(time.Duration(in * float64(time.Second))), true
	}
	return time.Time{}, false
}

// jsonSeconds reads a JSON number or numeric string; huge values are fine (float64), NaN,
// infinities and text are not.
func jsonSeconds(raw json.RawMessage) (float64, bool) {
	if len(raw) == 0 || string(raw) == "null" {
		return 0, false
	}
	text := string(raw)
	var s string
	if json.Unmarshal(raw, &s) == nil {
		text = strings.TrimSpace(s)
	}
	f, err := strconv.ParseFloat(text, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || strings.ContainsAny(text, "xXnN_") {
		if errors.Is(err, strconv.ErrRange) && f > 0 {
			return math.MaxFloat64, true
		}
		return 0, false
	}
	return f, true
}
