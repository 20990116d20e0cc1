package plugin

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
)

// ErrorKind says what went wrong with a call to Choreo, so callers (health check, queries,
// retries) react without parsing messages. The kinds are those of src/client/errors.ts plus
// the token exchange, which the frontend never sees (Grafana's proxy does it).
type ErrorKind string

const (
	KindSettings    ErrorKind = "settings"
	KindToken       ErrorKind = "token"
	KindAuth        ErrorKind = "auth"
	KindForbidden   ErrorKind = "forbidden"
	KindNotFound    ErrorKind = "notFound"
	KindRateLimited ErrorKind = "rateLimited"
	KindServer      ErrorKind = "server"
	KindUnreachable ErrorKind = "unreachable"
	KindTimeout     ErrorKind = "timeout"
	KindBadRequest  ErrorKind = "badRequest"
	KindBadResponse ErrorKind = "badResponse"
	KindGraphQL     ErrorKind = "graphql"
	KindCancelled   ErrorKind = "cancelled"
	KindUnsupported ErrorKind = "unsupported"
)

// InsightsError is a failure in words a Grafana user can act on. Message never holds the
// consumer secret or a token: upstream text is redacted before it is quoted.
type InsightsError struct {
	Kind ErrorKind
	// Status is the upstream HTTP status, 0 when there was no answer.
	Status int
	// RetryAfter is the wait the server asked for (Retry-After or WSO2's nextAccessTime), 0 when
	// it named none.
	RetryAfter time.Duration
	Message    string
	// cause is kept for errors.Is (context cancellation); it is never shown.
	cause error
}

func (e *InsightsError) Error() string { return e.Message }

func (e *InsightsError) Unwrap() error { return e.cause }

func newError(kind ErrorKind, status int, format string, args ...any) *InsightsError {
	return &InsightsError{Kind: kind, Status: status, Message: fmt.Sprintf(format, args...)}
}

// AsInsightsError returns err as an *InsightsError; other errors become an "unexpected" one
// (context cancellation becomes KindCancelled).
func AsInsightsError(err error) *InsightsError {
	var ie *InsightsError
	if errors.As(err, &ie) {
		return ie
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return cancelled(err)
	}
	return newError(KindServer, 0, "Unexpected error: %s", redact(err.Error()))
}

var kindStatus = map[ErrorKind]backend.Status{
	KindSettings:    backend.StatusBadRequest,
	KindToken:       backend.StatusUnauthorized,
	KindAuth:        backend.StatusUnauthorized,
	KindForbidden:   backend.StatusForbidden,
	KindNotFound:    backend.StatusNotFound,
	KindRateLimited: backend.StatusTooManyRequests,
	KindServer:      backend.StatusBadGateway,
	KindUnreachable: backend.StatusBadGateway,
	KindTimeout:     backend.StatusTimeout,
	KindBadRequest:  backend.StatusBadRequest,
	KindBadResponse: backend.StatusBadGateway,
	KindGraphQL:     backend.StatusBadRequest,
	KindCancelled:   backend.StatusUnknown,
	KindUnsupported: backend.StatusNotImplemented,
}

// ErrorResponse turns an error into a per-query error response: Grafana shows Message on the
// panel or the alert rule, with a status and whether Choreo (downstream) or the plugin failed.
func ErrorResponse(err error) backend.DataResponse {
	ie := AsInsightsError(err)
	status, ok := kindStatus[ie.Kind]
	if !ok {
		status = backend.StatusInternal
	}
	source := backend.ErrorSourceDownstream
	if ie.Kind == KindUnsupported || ie.Kind == KindCancelled {
		source = backend.ErrorSourcePlugin
	}
	return backend.ErrDataResponseWithSource(status, source, ie.Message)
}
