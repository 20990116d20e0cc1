// Package parity turns frames into the parity vectors' language-neutral JSON
// (catalog/vectors/README.md), so Go tests compare the backend's frames with the vectors' and
// with the browser runner's (testing/parity/neutralFrames.ts). Only tests import it.
package parity

import (
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// Frames is each frame as the vectors' language-neutral JSON (testing/parity/neutralFrames.ts):
// fields {name, type: time|number|string, config, labels?, values} with times as epoch ms, and
// meta with only type, typeVersion, preferredVisualisationType, executedQueryString, notices.
func Frames(frames data.Frames) []any {
	out := make([]any, 0, len(frames))
	for _, f := range frames {
		meta := map[string]any{}
		if m := f.Meta; m != nil {
			if m.Type != "" {
				meta["type"] = string(m.Type)
				meta["typeVersion"] = []uint{m.TypeVersion[0], m.TypeVersion[1]}
			}
			if m.PreferredVisualization != "" {
				meta["preferredVisualisationType"] = string(m.PreferredVisualization)
			}
			if m.ExecutedQueryString != "" {
				meta["executedQueryString"] = m.ExecutedQueryString
			}
			if len(m.Notices) > 0 {
				ns := make([]any, len(m.Notices))
				for i, n := range m.Notices {
					ns[i] = map[string]any{"severity": severityName(n.Severity), "text": n.Text}
				}
				meta["notices"] = ns
			}
		}
		fields := make([]any, len(f.Fields))
		for i, field := range f.Fields {
			fields[i] = neutralField(field)
		}
		frame := map[string]any{"meta": meta, "fields": fields}
		if f.RefID != "" {
			frame["refId"] = f.RefID
		}
		if f.Name != "" {
			frame["name"] = f.Name
		}
		out = append(out, frame)
	}
	return out
}

func severityName(s data.NoticeSeverity) string {
	switch s {
	case data.NoticeSeverityInfo:
		return "info"
	case data.NoticeSeverityWarning:
		return "warning"
	}
	return "error"
}

func neutralField(field *data.Field) map[string]any {
	config := map[string]any{}
	if c := field.Config; c != nil {
		if c.Unit != "" {
			config["unit"] = c.Unit
		}
		if c.DisplayNameFromDS != "" {
			config["displayNameFromDS"] = c.DisplayNameFromDS
		}
		if len(c.Custom) > 0 {
			config["custom"] = c.Custom
		}
	}
	values := make([]any, field.Len())
	kind := "string"
	switch field.Type() {
	case data.FieldTypeTime, data.FieldTypeNullableTime:
		kind = "time"
	case data.FieldTypeNullableFloat64, data.FieldTypeFloat64:
		kind = "number"
	}
	for i := range values {
		switch v := field.At(i).(type) {
		case time.Time:
			values[i] = v.UnixMilli()
		case *time.Time:
			if v != nil {
				values[i] = v.UnixMilli()
			}
		case *float64:
			if v != nil {
				values[i] = *v
			}
		case float64:
			values[i] = v
		case *string:
			if v != nil {
				values[i] = *v
			}
		case string:
			values[i] = v
		}
	}
	out := map[string]any{"name": field.Name, "type": kind, "config": config, "values": values}
	if len(field.Labels) > 0 {
		out["labels"] = map[string]string(field.Labels)
	}
	return out
}
