package runner

// parseTimeSpan reads the Insights API's bucket timestamps, e.g.
// 2021-06-21T00:00:00.0000000+05:30, to epoch milliseconds; false when unreadable. It is
// src/time/parseTimeSpan.ts transcribed: YYYY-MM-DD[(T|t| )HH:MM[:SS[(.|,)F+]]][Z|z|±HH[:MM]|±HHMM],
// fraction truncated to milliseconds, no offset = UTC, proleptic Gregorian (years 0–99 are
// not moved to the 1900s). Bytes stand for UTF-16 code units: every accepted character is
// ASCII, so any other character is refused either way.
func parseTimeSpan(s string) (int64, bool) {
	n := len(s)
	if n < 10 || s[4] != '-' || s[7] != '-' {
		return 0, false
	}
	year, month, day := digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2)
	if year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) {
		return 0, false
	}
	var hour, minute, second, millis, offset int
	i := 10
	if i < n {
		if sep := s[i]; sep != 'T' && sep != 't' && sep != ' ' {
			return 0, false
		}
		if n < i+6 || s[i+3] != ':' {
			return 0, false
		}
		hour, minute = digits(s, i+1, 2), digits(s, i+4, 2)
		i += 6
		if i < n && s[i] == ':' {
			second = digits(s, i+1, 2)
			i += 3
			if i < n && (s[i] == '.' || s[i] == ',') {
				i++
				start, scale := i, 100
				for i < n && s[i] >= '0' && s[i] <= '9' {
					// Digits past the third only refine sub-millisecond precision, which is dropped.
					if scale >= 1 {
						millis += int(s[i]-'0') * scale
						scale /= 10
					}
					i++
				}
				if i == start {
					return 0, false
				}
			}
		}
		if hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 {
			return 0, false
		}
		if i < n {
			switch z := s[i]; z {
			case 'Z', 'z':
				i++
			case '+', '-':
				oh, om := digits(s, i+1, 2), 0
				i += 3
				if i < n {
					if s[i] == ':' {
						i++
					}
					om = digits(s, i, 2)
					i += 2
				}
				if oh < 0 || oh > 23 || om < 0 || om > 59 {
					return 0, false
				}
				offset = oh*60 + om
				if z == '-' {
					offset = -offset
				}
			default:
				return 0, false
			}
		}
		if i != n {
			return 0, false
		}
	}
	days := daysFromCivil(year, month, day)
	return ((int64(days)*24+int64(hour))*60+int64(minute)-int64(offset))*60_000 + int64(second)*1000 + int64(millis), true
}

// digits reads count decimal digits at at; -1 when any is missing or not a digit.
func digits(s string, at, count int) int {
	if at < 0 || at+count > len(s) {
		return -1
	}
	v := 0
	for k := at; k < at+count; k++ {
		d := int(s[k]) - '0'
		if d < 0 || d > 9 {
			return -1
		}
		v = v*10 + d
	}
	return v
}

func isLeap(y int) bool { return (y%4 == 0 && y%100 != 0) || y%400 == 0 }

func daysInMonth(y, m int) int {
	switch m {
	case 2:
		if isLeap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// daysFromCivil is days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
func daysFromCivil(y, m, d int) int {
	yy := y
	if m <= 2 {
		yy--
	}
	era := floorDiv(yy, 400)
	yoe := yy - era*400
	mp := m + 9
	if m > 2 {
		mp = m - 3
	}
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}
