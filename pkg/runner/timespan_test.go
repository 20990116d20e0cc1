package runner

import (
	"fmt"
	"math/rand"
	"testing"
	"time"
)

func utcMs(t *testing.T, iso string) int64 {
	t.Helper()
	v, err := time.Parse(time.RFC3339Nano, iso)
	if err != nil {
		t.Fatal(err)
	}
	return v.UnixMilli()
}

// The cases of src/time/parseTimeSpan.test.ts.
func TestParseTimeSpan(t *testing.T) {
	cases := []struct{ in, want string }{
		{"2021-06-21T00:00:00.0000000+05:30", "2021-06-20T18:30:00Z"},
		{"2021-06-21T00:00:00.0000000-04:00", "2021-06-21T04:00:00Z"},
		{"2021-06-21T00:00:00.0000000Z", "2021-06-21T00:00:00Z"},
		{"2021-06-21T10:15:30.1234567Z", "2021-06-21T10:15:30.123Z"},
		{"2021-06-21T10:15:30.9999999Z", "2021-06-21T10:15:30.999Z"},
		{"2021-06-21T10:15:30.5Z", "2021-06-21T10:15:30.500Z"},
		{"2021-06-21T10:15:30.05+00:00", "2021-06-21T10:15:30.050Z"},
		{"2021-06-21T10:15:30,25Z", "2021-06-21T10:15:30.250Z"},
		{"2021-06-21T10:15:30", "2021-06-21T10:15:30Z"},
		{"2021-06-21T10:15:30.0000000", "2021-06-21T10:15:30Z"},
		{"2021-06-21 10:15", "2021-06-21T10:15:00Z"},
		{"2021-06-21T10:15:30+0530", "2021-06-21T04:45:30Z"},
		{"2021-06-21T10:15:30+05", "2021-06-21T05:15:30Z"},
		{"2021-06-21", "2021-06-21T00:00:00Z"},
		{"2024-02-29T23:59:59.999Z", "2024-02-29T23:59:59.999Z"},
		{"1970-01-01T00:00:00Z", "1970-01-01T00:00:00Z"},
		{"1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z"},
		{"0050-03-01T00:00:00Z", "0050-03-01T00:00:00Z"},
		{"2021-06-21t10:15z", "2021-06-21T10:15:00Z"},
	}
	for _, c := range cases {
		got, ok := parseTimeSpan(c.in)
		if want := utcMs(t, c.want); !ok || got != want {
			t.Errorf("parseTimeSpan(%q) = %d, %v; want %d", c.in, got, ok, want)
		}
	}
	if got, _ := parseTimeSpan("1969-12-31T23:59:59Z"); got != -1000 {
		t.Errorf("one second before the epoch = %d", got)
	}
	for _, in := range []string{
		"", "2021", "2021-6-21", "2021-13-01", "2021-02-29", "2021-06-31T00:00:00Z", "2021-06-21T24:00:00Z",
		"2021-06-21T10:60:00Z", "2021-06-21T10:15:61Z", "2021-06-21T10:15:30.Z", "2021-06-21T10:15:30Zjunk",
		"2021-06-21T10:15:30+5:30", "2021-06-21X10:15", "abcd-ef-ghT00:00:00Z", "2021-06-21T10:15:30+05:",
		"2021-06-21T10:15:30é", "２021-06-21",
	} {
		if got, ok := parseTimeSpan(in); ok {
			t.Errorf("parseTimeSpan(%q) = %d, want unreadable", in, got)
		}
	}
}

// As the browser's property test: any instant written with any offset and 7 fraction digits.
func TestParseTimeSpanAnyOffset(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	lo := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC).UnixMilli()
	hi := time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC).UnixMilli()
	for i := 0; i < 5000; i++ {
		ms := lo + r.Int63n(hi-lo)
		off := r.Intn(28*60+1) - 14*60
		sub := r.Intn(10000)
		local := time.UnixMilli(ms + int64(off)*60_000).UTC().Format("2006-01-02T15:04:05.000")
		sign := "+"
		if off < 0 {
			sign = "-"
		}
		text := fmt.Sprintf("%s%04d%s%02d:%02d", local, sub, sign, absInt(off)/60, absInt(off)%60)
		if got, ok := parseTimeSpan(text); !ok || got != ms {
			t.Fatalf("parseTimeSpan(%q) = %d, %v; want %d", text, got, ok, ms)
		}
	}
}

func TestReadNumber(t *testing.T) {
	num := func(f float64) *float64 { return &f }
	cases := []struct {
		in   any
		want *float64
	}{
		{12.5, num(12.5)}, {"12", num(12)}, {" -3.5e2 ", num(-350)}, {"\u00a012\u2028", num(12)},
		{"1.", nil}, {".5", nil}, {"+5", nil}, {"0x10", nil}, {"1e", nil}, {"", nil}, {"  ", nil},
		{"Infinity", nil}, {"1e400", nil}, {"12abc", nil}, {"1 2", nil}, {"١٢", nil},
		{true, nil}, {nil, nil}, {absent, nil}, {[]any{1.0}, nil}, {newObject(), nil},
	}
	for _, c := range cases {
		got := readNumber(c.in)
		if (got == nil) != (c.want == nil) || (got != nil && *got != *c.want) {
			t.Errorf("readNumber(%#v) = %v, want %v", c.in, deref(got), deref(c.want))
		}
	}
}

func deref(f *float64) any {
	if f == nil {
		return nil
	}
	return *f
}
