package runner

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

// Sizes a panel meets: 300 series of a day of minutes, and the most rows a table fetches.

type bigTransport struct{ usage, rows string }

func (b *bigTransport) Do(ctx context.Context, req Request) (Answer, error) {
	switch {
	case strings.Contains(req.Query, "listAllAPI"):
		return Answer{Data: []byte(`{"listAllAPI":[]}`)}, nil
	case strings.Contains(req.Query, "getAPIUsageOverTime"):
		return Answer{Data: []byte(b.usage)}, nil
	}
	return Answer{Data: []byte(b.rows)}, nil
}

func bigAnswers(series, buckets, rows int) *bigTransport {
	var u strings.Builder
	u.WriteString(`{"getAPIUsageOverTime":[`)
	start := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	for s := 0; s < series; s++ {
		if s > 0 {
			u.WriteByte(',')
		}
		fmt.Fprintf(&u, `{"apiId":"api-%d","granularity":"1m","usage":[`, s)
		for b := 0; b < buckets; b++ {
			if b > 0 {
				u.WriteByte(',')
			}
			fmt.Fprintf(&u, `{"timeSpan":"%s","count":%d}`, start.Add(time.Duration(b)*time.Minute).Format("2006-01-02T15:04:05.0000000+00:00"), b%97)
		}
		u.WriteString("]}")
	}
	u.WriteString("]}")
	var r strings.Builder
	r.WriteString(`{"getResourceUsage":{"usage":[`)
	for i := 0; i < rows; i++ {
		if i > 0 {
			r.WriteByte(',')
		}
		fmt.Fprintf(&r, `{"apiId":"api-%d","apiResourceTemplate":"/r/%d","apiMethod":"GET","count":%d}`, i%50, i, i)
	}
	fmt.Fprintf(&r, `],"pagination":{"total":%d}}}`, rows)
	return &bigTransport{usage: u.String(), rows: r.String()}
}

func BenchmarkManySeries(b *testing.B) {
	cat := loadCatalog(b)
	tr := bigAnswers(300, 1440, 0)
	from := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	in := Input{Query: []byte(`{"queryType":"apiUsage","granularity":"1m"}`), From: from, To: from.Add(24 * time.Hour),
		MaxDataPoints: 2000, Settings: Settings{OrgUUID: "o", DefaultEnvironmentID: "e"}}
	for b.Loop() {
		if r := cat.Run(context.Background(), in, tr, nil); r.Error != "" || len(r.Frames[0].Fields) != 301 {
			b.Fatal(r.Error)
		}
	}
}

func BenchmarkLargeTable(b *testing.B) {
	cat := loadCatalog(b)
	tr := bigAnswers(0, 0, 1000)
	from := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	in := Input{Query: []byte(`{"queryType":"resourceUsage","maxRows":1000}`), From: from, To: from.Add(24 * time.Hour),
		Settings: Settings{OrgUUID: "o", DefaultEnvironmentID: "e"}}
	for b.Loop() {
		if r := cat.Run(context.Background(), in, tr, nil); r.Error != "" || r.Frames[0].Rows() != 1000 {
			b.Fatal(r.Error)
		}
	}
}
