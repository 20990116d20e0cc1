package runner

import "strings"

// apiNames resolves the apiId of Insights answers (a UUID, a composite "<name> - <version>",
// or null) to a display name and an id (catalog/README.md, Lookups;
// src/metadata/apiDisplayName.ts).
type apiNames struct {
	byID        map[string]string
	idByNameVer map[string]string
	unknown     string
}

type apiInfo struct{ id, name, version string }

func newAPINames(apis []apiInfo, unknown string) *apiNames {
	m := &apiNames{byID: map[string]string{}, idByNameVer: map[string]string{}, unknown: unknown}
	for _, a := range apis {
		m.byID[a.id] = formatAPIName(a.name, a.version)
		m.idByNameVer[jsTrim(a.name)+"\x00"+jsTrim(a.version)] = a.id
	}
	return m
}

// formatAPIName is "Orders API v1", as the console writes it; the name alone without a version.
func formatAPIName(name, version string) string {
	if v := jsTrim(version); v != "" {
		return name + " " + v
	}
	return name
}

// splitComposite splits "<name> - <version>" at the last " - " (API names may contain one).
func splitComposite(id string) (string, string, bool) {
	at := strings.LastIndex(id, " - ")
	if at <= 0 {
		return "", "", false
	}
	name, version := jsTrim(id[:at]), jsTrim(id[at+3:])
	return name, version, name != "" && version != ""
}

func (m *apiNames) name(apiID any) string {
	s, ok := apiID.(string)
	if !ok || s == "" {
		if n, isNum := apiID.(float64); isNum {
			return jsNumber(n)
		}
		return m.unknown
	}
	if known := m.byID[s]; known != "" {
		return known
	}
	// An id that cannot be named is still better shown than hidden: the user can look it up.
	if name, version, ok := splitComposite(s); ok {
		return formatAPIName(name, version)
	}
	return s
}

func (m *apiNames) id(apiID any) any {
	s, ok := apiID.(string)
	if !ok || s == "" {
		if n, isNum := apiID.(float64); isNum {
			return jsNumber(n)
		}
		return nil
	}
	if _, known := m.byID[s]; known {
		return s
	}
	if name, version, ok := splitComposite(s); ok {
		if id, found := m.idByNameVer[name+"\x00"+version]; found {
			return id
		}
	}
	return s
}
