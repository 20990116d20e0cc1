package runner

import (
	"fmt"
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // zone offsets on every OS, not only where /usr/share/zoneinfo exists
)

// jsDateLimitMs is the range of a JavaScript Date (±8.64e15 ms): the browser cannot write a
// filter outside it, so neither does the backend.
const jsDateLimitMs = 8_640_000_000_000_000

// isoUTC is Date.prototype.toISOString: milliseconds, Z; years outside 0–9999 as ±YYYYYY.
func isoUTC(ms int64) string {
	return isoLocal(ms) + "Z"
}

func isoLocal(ms int64) string {
	t := time.UnixMilli(ms).UTC()
	y := t.Year()
	year := fmt.Sprintf("%04d", y)
	if y < 0 || y > 9999 {
		sign := "+"
		if y < 0 {
			sign, y = "-", -y
		}
		year = fmt.Sprintf("%s%06d", sign, y)
	}
	return fmt.Sprintf("%s-%02d-%02dT%02d:%02d:%02d.%03d", year, t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond()/1e6)
}

// isoWithOffset writes an instant in a fixed offset (minutes east of UTC):
// 2026-11-24T05:30:00.000+05:30; an offset of 0 keeps Z.
func isoWithOffset(ms int64, minutes int) string {
	if minutes == 0 {
		return isoUTC(ms)
	}
	sign := "+"
	if minutes < 0 {
		sign = "-"
	}
	abs := absInt(minutes)
	return fmt.Sprintf("%s%s%02d:%02d", isoLocal(ms+int64(minutes)*60_000), sign, abs/60, abs%60)
}

// resolveTimeZone names the zone the filter is written in. The backend has no browser, so
// Grafana's "browser" (and no zone) is UTC (catalog/README.md, Time and granularity).
func resolveTimeZone(tz string) string {
	t := jsTrim(tz)
	if t == "" || t == "browser" || strings.EqualFold(t, "utc") {
		return "UTC"
	}
	return t
}

var zoneCache sync.Map // name → *time.Location or nil for an unknown zone

func loadZone(name string) *time.Location {
	if v, ok := zoneCache.Load(name); ok {
		loc, _ := v.(*time.Location)
		return loc
	}
	var loc *time.Location
	// "Local" is Go's name for the machine's zone, not an IANA zone: the browser refuses it.
	if name != "Local" {
		if l, err := time.LoadLocation(name); err == nil {
			loc = l
		}
	}
	zoneCache.Store(name, loc)
	return loc
}

// offsetMinutes is the zone's offset at an instant; false for an unknown zone, or an offset
// that is not whole minutes (local mean time before 1900): the browser's Intl writes those with
// seconds, which its reader does not take, so both fall back to UTC with the same warning.
func offsetMinutes(loc *time.Location, ms int64) (int, bool) {
	_, off := time.UnixMilli(ms).In(loc).Zone()
	if off%60 != 0 {
		return 0, false
	}
	return off / 60, true
}

// timeFilter is the API's TimeFilter for a range in a zone; false when the zone is unknown.
func timeFilter(fromMs, toMs int64, zone string) (*object, bool) {
	if zone == "UTC" {
		return obj("from", isoUTC(fromMs), "to", isoUTC(toMs)), true
	}
	loc := loadZone(zone)
	if loc == nil {
		return nil, false
	}
	a, okA := offsetMinutes(loc, fromMs)
	b, okB := offsetMinutes(loc, toMs)
	if !okA || !okB {
		return nil, false
	}
	return obj("from", isoWithOffset(fromMs, a), "to", isoWithOffset(toMs, b)), true
}

// rangeProblem refuses a range the API cannot be asked about. Go times are always finite; a
// zero time (no range given) or one outside a JavaScript Date is what "not finite" means here.
func (c *common) rangeProblem(from, to time.Time) error {
	if from.IsZero() || to.IsZero() {
		return c.fail("rangeInvalid", nil)
	}
	f, t := from.UnixMilli(), to.UnixMilli()
	if f < -jsDateLimitMs || f > jsDateLimitMs || t < -jsDateLimitMs || t > jsDateLimitMs {
		return c.fail("rangeInvalid", nil)
	}
	if f == t {
		return c.fail("rangeEmpty", params{"at": isoUTC(f)})
	}
	if t < f {
		return c.fail("rangeReversed", params{"from": isoUTC(f), "to": isoUTC(t)})
	}
	return nil
}
