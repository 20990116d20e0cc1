package runner

import (
	"math"
	"strings"
)

// isAuto: no granularity chosen, or "auto".
func isAuto(choice any) bool {
	return choice == nil || isAbsent(choice) || choice == "" || choice == "auto"
}

func (c *common) maxPoints(maxDataPoints int64) float64 {
	if maxDataPoints > 0 {
		return float64(maxDataPoints)
	}
	return c.defaultMaxDataPoints
}

func buckets(spanMs, stepMs int64) float64 {
	return math.Ceil(float64(spanMs) / float64(stepMs))
}

// autoGranularity is the finest granularity not finer than the panel's interval that gives at
// most maxDataPoints buckets; the coarsest when none does.
func (c *common) autoGranularity(fromMs, toMs, intervalMs, maxDataPoints int64) string {
	span := max(toMs-fromMs, 0)
	maxPts := c.maxPoints(maxDataPoints)
	minStep := max(intervalMs, 0)
	for _, g := range c.granularities {
		if g.ms >= minStep && buckets(span, g.ms) <= maxPts {
			return g.name
		}
	}
	return c.granularities[len(c.granularities)-1].name
}

// resolveGranularity resolves the saved choice (absent = auto) to one the API accepts.
func (c *common) resolveGranularity(choice any, fromMs, toMs, intervalMs, maxDataPoints int64) (string, error) {
	if isAuto(choice) {
		return c.autoGranularity(fromMs, toMs, intervalMs, maxDataPoints), nil
	}
	if s, ok := choice.(string); ok {
		if _, known := c.step(s); known {
			return s, nil
		}
	}
	names := make([]string, len(c.granularities))
	for i, g := range c.granularities {
		names[i] = g.name
	}
	return "", c.fail("granularityUnknown", params{"value": jsString(choice), "choices": strings.Join(names, ", ")})
}

// granularityNotice: a fixed granularity that gives more buckets than the panel draws is sent
// as chosen, but the panel says so and which granularity would fit.
func (c *common) granularityNotice(choice any, g string, spanMs, maxDataPoints int64) string {
	if isAuto(choice) {
		return ""
	}
	step, _ := c.step(g)
	maxPts := c.maxPoints(maxDataPoints)
	points := buckets(spanMs, step)
	if points <= maxPts {
		return ""
	}
	for _, fit := range c.granularities {
		if buckets(spanMs, fit.ms) <= maxPts {
			return c.message("granularityTooFine", params{"granularity": g, "points": points, "max": maxPts, "fit": fit.name})
		}
	}
	return c.message("granularityTooFineAny", params{"granularity": g, "points": points, "max": maxPts})
}
