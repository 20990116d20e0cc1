package plugin

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
)

// Choreo's public endpoints and the defaults applied to empty settings: the values of
// src/constants.ts (catalog/vectors/settings/resolve.json checks both agree).
const (
	DefaultAPIURL   = "https://choreocontrolplane.choreo.dev/93tu/insights/1.0.0/query-api"
	DefaultTokenURL = "https://sts.choreo.dev/oauth2/token"
	DefaultScope    = "apim:api_manage"
	DefaultTenant   = "carbon.super"

	// MaxResultCacheTTLSeconds is the config page's upper bound (src/settings/resultCacheTtl.ts).
	MaxResultCacheTTLSeconds = 3600
)

// JSONData is the data source's jsonData as saved: which settings are present and their text.
type JSONData struct {
	values           map[SettingKey]string
	resultCacheTTLMs int64
}

// ParseJSONData reads jsonData. A missing key or JSON null is an absent setting. The frontend
// only ever saves strings; other scalars (hand-written provisioning) are read as their JSON
// text, which is what the plugin.json route's templates render for them.
func ParseJSONData(raw []byte) (JSONData, error) {
	j := JSONData{values: map[SettingKey]string{}}
	if len(bytes.TrimSpace(raw)) == 0 {
		return j, nil
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		return j, fmt.Errorf("the data source's jsonData is not a JSON object: %w", err)
	}
	for _, key := range settingKeys {
		if key == KeyConsumerSecret {
			continue // never in jsonData
		}
		if text, ok := scalarText(fields[string(key)]); ok {
			j.values[key] = text
		}
	}
	j.resultCacheTTLMs = resultCacheTTLMs(fields["resultCacheTtlSeconds"])
	return j, nil
}

// NewJSONData builds jsonData from string settings (tests, vectors).
func NewJSONData(values map[SettingKey]string) JSONData {
	j := JSONData{values: map[SettingKey]string{}}
	for k, v := range values {
		j.values[k] = v
	}
	return j
}

func (j JSONData) field(key SettingKey) *string {
	if v, ok := j.values[key]; ok {
		return &v
	}
	return nil
}

func scalarText(raw json.RawMessage) (string, bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", false
	}
	switch raw[0] {
	case '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", false
		}
		return s, true
	case '{', '[':
		return "", false
	default: // number, true, false: as written
		return string(raw), true
	}
}

// ResolvedSettings are the settings with Choreo's defaults applied and copy-paste whitespace
// removed, as src/settings/resolveSettings.ts computes them.
type ResolvedSettings struct {
	ConsumerKey          string `json:"consumerKey"`
	OrgHandle            string `json:"orgHandle"`
	OrgUUID              string `json:"orgUuid"`
	Tenant               string `json:"tenant"`
	DefaultEnvironmentID string `json:"defaultEnvironmentId"`
	TokenURL             string `json:"tokenUrl"`
	APIURL               string `json:"apiUrl"`
	Scope                string `json:"scope"`
	// ResultCacheTTLMs is resultCacheTtlMs(jsonData): 0 (off) unless a whole number of seconds
	// from 1 to 3600.
	ResultCacheTTLMs int64 `json:"resultCacheTtlMs"`
}

// Resolve applies the defaults and trimming of resolveSettings.ts.
func Resolve(j JSONData) ResolvedSettings {
	pick := func(key SettingKey, fallback string) string {
		if v := j.field(key); v != nil && jsTrim(*v) != "" {
			return jsTrim(*v)
		}
		return fallback
	}
	return ResolvedSettings{
		ConsumerKey:          pick(KeyConsumerKey, ""),
		OrgHandle:            pick(KeyOrgHandle, ""),
		OrgUUID:              strings.ToLower(pick(KeyOrgUUID, "")),
		Tenant:               pick(KeyTenant, DefaultTenant),
		DefaultEnvironmentID: pick(KeyDefaultEnvironmentID, ""),
		TokenURL:             pick(KeyTokenURL, DefaultTokenURL),
		APIURL:               pick(KeyAPIURL, DefaultAPIURL),
		Scope:                pick(KeyScope, DefaultScope),
		ResultCacheTTLMs:     j.resultCacheTTLMs,
	}
}

// Settings is everything the backend knows about one data source instance.
type Settings struct {
	ResolvedSettings
	// ConsumerSecret is sent to the token endpoint as stored, like the route's template does.
	// Never log it, never put it in a message.
	ConsumerSecret string
	// Issues are the validation problems; while any is present nothing calls Choreo.
	Issues []SettingIssue
}

// ResultCacheTTL is the optional result cache lifetime (0: off).
func (s Settings) ResultCacheTTL() time.Duration {
	return time.Duration(s.ResultCacheTTLMs) * time.Millisecond
}

// LoadSettings reads and validates an instance's jsonData and decrypted secureJsonData.
func LoadSettings(instance backend.DataSourceInstanceSettings) Settings {
	j, err := ParseJSONData(instance.JSONData)
	secret := instance.DecryptedSecureJSONData["consumerSecret"]
	configured := jsTrim(secret) != ""
	s := Settings{ResolvedSettings: Resolve(j), ConsumerSecret: secret}
	if err != nil {
		s.Issues = []SettingIssue{{Key: "jsonData", Message: "The data source settings could not be read (jsonData is not a JSON object). Open the data source and save it again."}}
		return s
	}
	s.Issues = ValidateSettings(j, &configured)
	return s
}

// resultCacheTTLMs is resultCacheTtlMs() of src/settings/resultCacheTtl.ts: JavaScript's
// Number(value ?? 0), then a whole number of seconds in (0, 3600], else 0. Arrays and objects
// (which Number() turns into NaN, or for one-element arrays the element) count as off.
func resultCacheTTLMs(raw json.RawMessage) int64 {
	s, ok := jsNumber(raw)
	if !ok || s != math.Trunc(s) || s <= 0 || s > MaxResultCacheTTLSeconds {
		return 0
	}
	return int64(s) * 1000
}

var (
	jsDecimal = regexp.MustCompile(`^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$`)
	jsRadix   = regexp.MustCompile(`^0([xXoObB])([0-9a-fA-F]+)$`)
)

// jsNumber is JavaScript's Number(v) for JSON scalars; ok is false for NaN.
func jsNumber(raw json.RawMessage) (float64, bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" || string(raw) == "false" {
		return 0, true
	}
	if string(raw) == "true" {
		return 1, true
	}
	switch raw[0] {
	case '{', '[':
		return 0, false
	case '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return 0, false
		}
		return jsStringToNumber(s)
	}
	f, err := strconv.ParseFloat(string(raw), 64)
	return f, err == nil
}

func jsStringToNumber(s string) (float64, bool) {
	s = jsTrim(s)
	switch s {
	case "":
		return 0, true
	case "Infinity", "+Infinity":
		return math.Inf(1), true
	case "-Infinity":
		return math.Inf(-1), true
	}
	if m := jsRadix.FindStringSubmatch(s); m != nil {
		base := map[byte]int{'x': 16, 'X': 16, 'o': 8, 'O': 8, 'b': 2, 'B': 2}[m[1][0]]
		n, ok := new(big.Int).SetString(m[2], base)
		if !ok {
			return 0, false
		}
		f, _ := new(big.Float).SetInt(n).Float64()
		return f, true
	}
	if !jsDecimal.MatchString(s) {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	// Out of range, Go still returns ±Inf or 0 as JavaScript does, with an error.
	return f, err == nil || errors.Is(err, strconv.ErrRange)
}
