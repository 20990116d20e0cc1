package plugin

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// RetryPolicy says when to try a throttled (429) or unavailable (503) Insights call again; the
// defaults are those of src/client/retryPolicy.ts. Every other failure would fail the same way
// again and is not retried.
type RetryPolicy struct {
	MaxRetries int
	// MaxTotalWait bounds the time spent waiting between attempts, so an alert evaluation
	// never hangs on a throttled API.
	MaxTotalWait time.Duration
	// BaseDelay is the wait when the server names none: the first retry waits this, the next
	// twice as long.
	BaseDelay time.Duration
	// MinDelay keeps a wait already in the past (a stale nextAccessTime) from retrying at once.
	MinDelay time.Duration
	// Sleep waits d or until ctx ends; tests replace it.
	Sleep func(ctx context.Context, d time.Duration) error
}

// DefaultRetryPolicy: at most two retries within 10 s.
var DefaultRetryPolicy = RetryPolicy{
	MaxRetries:   2,
	MaxTotalWait: 10 * time.Second,
	BaseDelay:    time.Second,
	MinDelay:     250 * time.Millisecond,
	Sleep:        sleepContext,
}

func sleepContext(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func isRetryable(e *InsightsError) bool {
	return e.Status == http.StatusTooManyRequests || e.Status == http.StatusServiceUnavailable
}

// delay is the wait before retry number attempt (0-based), or false when retrying would break
// the budget. The server's wait wins; one beyond the budget (or absurd) means no retry.
func (p RetryPolicy) delay(e *InsightsError, attempt int, waited time.Duration) (time.Duration, bool) {
	if attempt >= p.MaxRetries {
		return 0, false
	}
	d := p.BaseDelay << attempt
	if e.RetryAfter > 0 {
		d = e.RetryAfter
	}
	if d < p.MinDelay {
		d = p.MinDelay
	}
	if waited+d > p.MaxTotalWait {
		return 0, false
	}
	return d, true
}

// maxServerWait caps what a server may ask for: past it the wait is meaningless (and would
// overflow a time.Duration), the request simply fails with "try again later".
const maxServerWait = 24 * time.Hour

// serverWait reads the wait a throttled answer asks for: the Retry-After header (seconds or an
// HTTP date), else WSO2 API Manager's nextAccessTime in the body, flat or inside "fault".
func serverWait(header http.Header, body upstreamBody, now time.Time) (time.Duration, bool) {
	if d, ok := parseRetryAfter(header.Get("Retry-After"), now); ok {
		return d, true
	}
	if body.obj == nil {
		return 0, false
	}
	raw, ok := body.obj["nextAccessTime"]
	if !ok {
		if faultRaw, isFault := body.obj["fault"]; isFault {
			var fault map[string]json.RawMessage
			if json.Unmarshal(faultRaw, &fault) == nil {
				raw, ok = fault["nextAccessTime"]
			}
		}
	}
	if !ok {
		return 0, false
	}
	return parseNextAccessTime(raw, now)
}

func clampWait(seconds float64) time.Duration {
	switch {
	case math.IsNaN(seconds) || seconds <= 0:
		return 0
	case seconds >= maxServerWait.Seconds():
		return maxServerWait
	}
	return time.Duration(math.Ceil(seconds)) * time.Second
}

func parseRetryAfter(value string, now time.Time) (time.Duration, bool) {
	v := strings.TrimSpace(value)
	if v == "" {
		return 0, false
	}
	if n, err := strconv.ParseFloat(v, 64); err == nil && isDigits(v) {
		return clampWait(n), true
	}
	if at, err := http.ParseTime(v); err == nil {
		return clampWait(at.Sub(now).Seconds()), true
	}
	return 0, false
}

func isDigits(s string) bool {
	return s != "" && strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }) < 0
}

var (
	wso2Time = regexp.MustCompile(`^(\d{4})-([A-Z][a-z]{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})([+-])(\d{2})(\d{2})`)
	months   = map[string]time.Month{
		"Jan": time.January, "Feb": time.February, "Mar": time.March, "Apr": time.April, "May": time.May, "Jun": time.June,
		"Jul": time.July, "Aug": time.August, "Sep": time.September, "Oct": time.October, "Nov": time.November, "Dec": time.December,
	}
)

// parseNextAccessTime reads nextAccessTime as epoch milliseconds (a JSON number or a numeric
// string), WSO2's "2026-Nov-25 12:00:10+0000 UTC" (what src/client/httpErrors.ts reads) or
// RFC 3339.
func parseNextAccessTime(raw json.RawMessage, now time.Time) (time.Duration, bool) {
	untilMs := func(ms float64) (time.Duration, bool) {
		if math.IsNaN(ms) || math.IsInf(ms, 0) {
			return 0, false
		}
		return clampWait((ms - float64(now.UnixMilli())) / 1000), true
	}
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		f, err := n.Float64()
		if err != nil && !errors.Is(err, strconv.ErrRange) {
			return 0, false
		}
		return untilMs(f)
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return 0, false
	}
	s = strings.TrimSpace(s)
	if isDigits(s) {
		f, _ := strconv.ParseFloat(s, 64)
		return untilMs(f)
	}
	if m := wso2Time.FindStringSubmatch(s); m != nil {
		month, ok := months[m[2]]
		if !ok {
			return 0, false
		}
		atoi := func(x string) int { v, _ := strconv.Atoi(x); return v }
		offset := (atoi(m[8])*60 + atoi(m[9])) * 60
		if m[7] == "-" {
			offset = -offset
		}
		at := time.Date(atoi(m[1]), month, atoi(m[3]), atoi(m[4]), atoi(m[5]), atoi(m[6]), 0, time.FixedZone("", offset))
		return clampWait(at.Sub(now).Seconds()), true
	}
	if at, err := time.Parse(time.RFC3339, s); err == nil {
		return clampWait(at.Sub(now).Seconds()), true
	}
	return 0, false
}
