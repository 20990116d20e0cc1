package plugin

import (
	"fmt"
	"regexp"
)

// The same checks, in the same order and with the same words, as src/settings/validateSettings.ts:
// the config page shows these messages under each field, and the backend's health check and
// queries refuse to call Choreo while any is present. catalog/vectors/settings/validate.json,
// generated from the TypeScript, is the contract (pkg/plugin/vectors_test.go runs it).

// SettingKey names a setting; consumerSecret lives in secureJsonData, the rest in jsonData.
type SettingKey string

const (
	KeyConsumerKey          SettingKey = "consumerKey"
	KeyConsumerSecret       SettingKey = "consumerSecret"
	KeyOrgHandle            SettingKey = "orgHandle"
	KeyOrgUUID              SettingKey = "orgUuid"
	KeyTenant               SettingKey = "tenant"
	KeyDefaultEnvironmentID SettingKey = "defaultEnvironmentId"
	KeyTokenURL             SettingKey = "tokenUrl"
	KeyAPIURL               SettingKey = "apiUrl"
	KeyScope                SettingKey = "scope"
)

// settingKeys is the order the config page shows the fields in.
var settingKeys = []SettingKey{
	KeyConsumerKey, KeyConsumerSecret, KeyOrgHandle, KeyOrgUUID, KeyTenant,
	KeyDefaultEnvironmentID, KeyTokenURL, KeyAPIURL, KeyScope,
}

// SettingLabels are the config page's field labels, which every message starts with.
var SettingLabels = map[SettingKey]string{
	KeyConsumerKey:          "Consumer key",
	KeyConsumerSecret:       "Consumer secret",
	KeyOrgHandle:            "Organization handle",
	KeyOrgUUID:              "Organization UUID",
	KeyTenant:               "Tenant",
	KeyDefaultEnvironmentID: "Default environment",
	KeyTokenURL:             "Token URL",
	KeyAPIURL:               "Insights API URL",
	KeyScope:                "Scope",
}

// SettingIssue is one problem with one setting.
type SettingIssue struct {
	Key     SettingKey `json:"key"`
	Message string     `json:"message"`
}

var (
	uuidPattern  = regexp.MustCompile(`(?i)^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
	scopePattern = regexp.MustCompile(`^[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$`)
)

func required(key SettingKey, value *string) string {
	if value != nil && jsTrim(*value) != "" {
		return ""
	}
	return SettingLabels[key] + " is required."
}

func noInnerSpace(key SettingKey, value string) string {
	if jsHasSpace(jsTrim(value)) {
		return SettingLabels[key] + " must not contain spaces."
	}
	return ""
}

// urlProblem checks an http(s) URL with a host and no query or fragment; empty means Choreo's
// public endpoint.
func urlProblem(key SettingKey, value *string) string {
	if value == nil {
		return ""
	}
	v := jsTrim(*value)
	if v == "" {
		return ""
	}
	label := SettingLabels[key]
	u, ok := parseWHATWGURL(v)
	switch {
	case !ok:
		return label + " must be a full URL such as https://example.com/path."
	case u.scheme != "http" && u.scheme != "https":
		return fmt.Sprintf("%s must start with http:// or https:// (got %s:).", label, u.scheme)
	case u.host == "":
		return label + " must include a host name."
	case u.query != "" || u.fragment != "":
		return label + " must not include a query string or fragment."
	case u.username != "" || u.password != "":
		return label + " must not include credentials; use the consumer key and secret fields."
	}
	return ""
}

// settingProblem is the message for one setting, or "" when it is fine. secretConfigured nil
// means the caller cannot know whether the secret is set.
func settingProblem(key SettingKey, value *string, secretConfigured *bool) string {
	switch key {
	case KeyConsumerKey, KeyOrgHandle:
		if m := required(key, value); m != "" {
			return m
		}
		return noInnerSpace(key, *value)
	case KeyConsumerSecret:
		if secretConfigured == nil || *secretConfigured || (value != nil && jsTrim(*value) != "") {
			return ""
		}
		return SettingLabels[key] + " is required."
	case KeyOrgUUID:
		if m := required(key, value); m != "" {
			return m
		}
		if uuidPattern.MatchString(jsTrim(*value)) {
			return ""
		}
		return SettingLabels[key] + " must be a UUID like 5b0d4e39-1c5a-4d3e-9f11-7a2c8e6b0d42 (Choreo Console → Settings)."
	case KeyTenant, KeyDefaultEnvironmentID:
		if value != nil && jsTrim(*value) != "" {
			return noInnerSpace(key, *value)
		}
		return ""
	case KeyTokenURL, KeyAPIURL:
		return urlProblem(key, value)
	case KeyScope:
		if value != nil && jsTrim(*value) != "" && !scopePattern.MatchString(jsTrim(*value)) {
			return SettingLabels[key] + " must be space-separated OAuth2 scope tokens, e.g. apim:api_manage."
		}
		return ""
	}
	return ""
}

// ValidateSettings lists every problem with the settings, in the order of the config page.
// secretConfigured nil skips the secret check (the frontend's health check cannot know); the
// backend knows, and passes whether the decrypted secret is non-empty.
func ValidateSettings(j JSONData, secretConfigured *bool) []SettingIssue {
	var issues []SettingIssue
	for _, key := range settingKeys {
		var value *string
		if key != KeyConsumerSecret {
			value = j.field(key)
		}
		if m := settingProblem(key, value, secretConfigured); m != "" {
			issues = append(issues, SettingIssue{Key: key, Message: m})
		}
	}
	return issues
}
