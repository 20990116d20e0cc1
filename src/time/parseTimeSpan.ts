/**
 * Parses the Insights API's bucket timestamps (`timeSpan`), e.g.
 * `2021-06-21T00:00:00.0000000+05:30`, to epoch milliseconds, or returns NaN.
 *
 * Written by hand instead of `Date.parse` because: the API sends 7 fraction digits (not every
 * browser accepts them), a string without an offset means UTC to the API but local time to
 * `Date.parse`, and this runs once per bucket of every series, so it reads char codes and
 * allocates nothing.
 *
 * Accepts `YYYY-MM-DD[(T| )HH:MM[:SS[(.|,)F+]]][Z|±HH[:MM]|±HHMM]` and a bare date. Fractions
 * are truncated to whole milliseconds (Grafana's time fields hold integer milliseconds).
 */
export function parseTimeSpan(s: string | null | undefined): number {
  if (typeof s !== 'string') {
    return NaN;
  }
  const n = s.length;
  if (n < 10 || s.charCodeAt(4) !== 45 /* - */ || s.charCodeAt(7) !== 45) {
    return NaN;
  }
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return NaN;
  }
  let hour = 0;
  let minute = 0;
  let second = 0;
  let millis = 0;
  let offsetMinutes = 0;
  let i = 10;
  if (i < n) {
    const sep = s.charCodeAt(i);
    if (sep !== 84 /* T */ && sep !== 116 /* t */ && sep !== 32 /* space */) {
      return NaN;
    }
    if (n < i + 6 || s.charCodeAt(i + 3) !== 58 /* : */) {
      return NaN;
    }
    hour = digits(s, i + 1, 2);
    minute = digits(s, i + 4, 2);
    i += 6;
    if (i < n && s.charCodeAt(i) === 58) {
      second = digits(s, i + 1, 2);
      i += 3;
      const c = s.charCodeAt(i);
      if (i < n && (c === 46 /* . */ || c === 44) /* , */) {
        i++;
        const start = i;
        let scale = 100;
        while (i < n) {
          const d = s.charCodeAt(i) - 48;
          if (d < 0 || d > 9) {
            break;
          }
          // Digits past the third only refine sub-millisecond precision, which we drop.
          if (scale >= 1) {
            millis += d * scale;
            scale /= 10;
          }
          i++;
        }
        if (i === start) {
          return NaN;
        }
      }
    }
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return NaN;
    }
    if (i < n) {
      const z = s.charCodeAt(i);
      if (z === 90 /* Z */ || z === 122 /* z */) {
        i++;
      } else if (z === 43 /* + */ || z === 45 /* - */) {
        const oh = digits(s, i + 1, 2);
        let om = 0;
        i += 3;
        if (i < n) {
          if (s.charCodeAt(i) === 58) {
            i++;
          }
          om = digits(s, i, 2);
          i += 2;
        }
        if (oh < 0 || oh > 23 || om < 0 || om > 59) {
          return NaN;
        }
        offsetMinutes = (z === 45 ? -1 : 1) * (oh * 60 + om);
      } else {
        return NaN;
      }
    }
    if (i !== n) {
      return NaN;
    }
  }
  const days = daysFromCivil(year, month, day);
  return ((days * 24 + hour) * 60 + minute - offsetMinutes) * 60_000 + second * 1000 + millis;
}

/** Reads `count` decimal digits at `at`; -1 when any is missing or not a digit. */
function digits(s: string, at: number, count: number): number {
  if (at + count > s.length) {
    return -1;
  }
  let v = 0;
  for (let k = at; k < at + count; k++) {
    const d = s.charCodeAt(k) - 48;
    if (d < 0 || d > 9) {
      return -1;
    }
    v = v * 10 + d;
  }
  return v;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). Unlike
 * `Date.UTC` it does not map years 0–99 to 1900–1999.
 */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = m > 2 ? m - 3 : m + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
