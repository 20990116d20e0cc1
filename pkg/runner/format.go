package runner

import "encoding/json"

// The catalog files as they are written (catalog/README.md; src/catalog/format.ts is the
// TypeScript reading). Every struct is decoded with unknown fields refused, so a key the
// catalog gains must be taught here before the backend runs it; "$comment" is allowed
// everywhere. Expressions stay raw JSON here and are parsed by load.go, which keeps their key
// order.

type commonFile struct {
	Comment              any                        `json:"$comment"`
	Pages                []string                   `json:"pages"`
	DefaultType          string                     `json:"defaultType"`
	Granularities        json.RawMessage            `json:"granularities"`
	DefaultMaxDataPoints float64                    `json:"defaultMaxDataPoints"`
	MaxFilterIDs         int                        `json:"maxFilterIds"`
	Paging               pagingFile                 `json:"paging"`
	ScopeNouns           map[string]nounFile        `json:"scopeNouns"`
	Lookups              map[string]lookupFile      `json:"lookups"`
	Messages             map[string]string          `json:"messages"`
	SharedOptions        map[string]json.RawMessage `json:"sharedOptions"`
	SavedFields          []savedFieldFile           `json:"savedFields"`
}

type pagingFile struct {
	Comment            any `json:"$comment"`
	PageLimit          int `json:"pageLimit"`
	DefaultMaxRows     int `json:"defaultMaxRows"`
	MaxPages           int `json:"maxPages"`
	MaxConcurrentPages int `json:"maxConcurrentPages"`
	BudgetSeconds      int `json:"budgetSeconds"`
}

type nounFile struct {
	One     string `json:"one"`
	Many    string `json:"many"`
	Article string `json:"article"`
}

type lookupFile struct {
	Comment any    `json:"$comment"`
	Type    string `json:"type"`
	Variant string `json:"variant"`
	ID      string `json:"id"`
	Name    string `json:"name"`
	Version string `json:"version"`
	Unknown string `json:"unknown"`
}

type savedFieldFile struct {
	Path  string `json:"path"`
	Label string `json:"label"`
	Type  string `json:"type"`
}

// caseFile is what a variant case may set; a type file sets the same keys for itself.
type caseFile struct {
	Comment    any             `json:"$comment"`
	Scope      *scopeFile      `json:"scope"`
	Request    *requestFile    `json:"request"`
	Frames     *framesFile     `json:"frames"`
	Lookups    []string        `json:"lookups"`
	Pagination *paginationFile `json:"pagination"`
	Notices    []noticeFile    `json:"notices"`
	Variable   *variableFile   `json:"variable"`
}

type typeFile struct {
	caseFile
	Type        string            `json:"type"`
	Label       string            `json:"label"`
	Description string            `json:"description"`
	Page        string            `json:"page"`
	Granularity bool              `json:"granularity"`
	Options     []json.RawMessage `json:"options"`
	Messages    *typeMessagesFile `json:"messages"`
	Variants    *variantsFile     `json:"variants"`
	Raw         bool              `json:"raw"`
}

type typeMessagesFile struct {
	APIRequired string `json:"apiRequired"`
}

type variantsFile struct {
	Option string              `json:"option"`
	Cases  map[string]caseFile `json:"cases"`
}

type scopeFile struct {
	Environment bool   `json:"environment"`
	APIs        string `json:"apis"`
	Apps        string `json:"apps"`
}

type optionFile struct {
	Comment                any               `json:"$comment"`
	Name                   string            `json:"name"`
	Path                   string            `json:"path"`
	Type                   string            `json:"type"`
	Label                  string            `json:"label"`
	Noun                   string            `json:"noun"`
	Selector               string            `json:"selector"`
	Widget                 string            `json:"widget"`
	Tooltip                string            `json:"tooltip"`
	Placeholder            string            `json:"placeholder"`
	Width                  *float64          `json:"width"`
	Row                    *int              `json:"row"`
	Clearable              bool              `json:"clearable"`
	AllowCustom            bool              `json:"allowCustom"`
	CustomValueDescription string            `json:"customValueDescription"`
	EmptyLabel             string            `json:"emptyLabel"`
	Default                json.RawMessage   `json:"default"`
	Initial                json.RawMessage   `json:"initial"`
	Values                 []optionValueFile `json:"values"`
	Min                    *float64          `json:"min"`
	Max                    *float64          `json:"max"`
	Clamp                  bool              `json:"clamp"`
	MinItems               *int              `json:"minItems"`
	MaxItems               *int              `json:"maxItems"`
	Messages               *struct {
		MinItems string `json:"minItems"`
		MaxItems string `json:"maxItems"`
	} `json:"messages"`
}

type optionValueFile struct {
	Value       string          `json:"value"`
	Label       string          `json:"label"`
	Description string          `json:"description"`
	Attrs       json.RawMessage `json:"attrs"`
}

type requestFile struct {
	Comment   any             `json:"$comment"`
	Document  string          `json:"document"`
	Variables json.RawMessage `json:"variables"`
}

type paginationFile struct {
	Rows  string `json:"rows"`
	Total string `json:"total"`
}

type noticeFile struct {
	Comment any `json:"$comment"`
	When    struct {
		Present []string `json:"present"`
		Absent  []string `json:"absent"`
	} `json:"when"`
	Severity string `json:"severity"`
	Text     string `json:"text"`
}

type variableFile struct {
	Rows  string          `json:"rows"`
	Text  json.RawMessage `json:"text"`
	Value json.RawMessage `json:"value"`
}

// framesFile is every frame kind's keys in one struct; load.go checks that each kind uses
// only its own.
type framesFile struct {
	Comment         any              `json:"$comment"`
	Kind            string           `json:"kind"`
	Shape           string           `json:"shape"`
	GranularityFrom []string         `json:"granularityFrom"`
	Incremental     *incrementalFile `json:"incremental"`
	Series          []seriesFile     `json:"series"`
	Single          bool             `json:"single"`
	Rows            string           `json:"rows"`
	Sort            *sortFile        `json:"sort"`
	Columns         []columnFile     `json:"columns"`
	Keys            []columnFile     `json:"keys"`
	Cells           string           `json:"cells"`
	Column          json.RawMessage  `json:"column"`
	Value           json.RawMessage  `json:"value"`
	Unit            string           `json:"unit"`
}

type seriesFile struct {
	Comment     any             `json:"$comment"`
	Each        string          `json:"each"`
	Limit       json.RawMessage `json:"limit"`
	SortBy      json.RawMessage `json:"sortBy"`
	Include     json.RawMessage `json:"include"`
	Buckets     string          `json:"buckets"`
	Time        string          `json:"time"`
	Value       string          `json:"value"`
	Field       json.RawMessage `json:"field"`
	DisplayName json.RawMessage `json:"displayName"`
	Labels      json.RawMessage `json:"labels"`
	Unit        json.RawMessage `json:"unit"`
	Fill        json.RawMessage `json:"fill"`
	Axis        string          `json:"axis"`
}

// incrementalFile marks a time series the browser may refresh incrementally; other readers
// ignore it (catalog/README.md, timeSeries).
type incrementalFile struct {
	Key json.RawMessage `json:"key"`
}

type sortFile struct {
	Column string `json:"column"`
	Order  string `json:"order"`
}

type columnFile struct {
	Comment     any             `json:"$comment"`
	Name        string          `json:"name"`
	Type        string          `json:"type"`
	Value       json.RawMessage `json:"value"`
	Unit        string          `json:"unit"`
	DisplayName string          `json:"displayName"`
}
