package runner

import (
	"fmt"
	"regexp"
)

// Every text a user sees comes from common.json "messages" (shared word for word with the
// browser, src/catalog/messages.ts); Load refuses a catalog that lacks one of these.
var usedMessages = []string{
	"unknownQueryType", "noOrgUuid", "rangeInvalid", "rangeEmpty", "rangeReversed",
	"granularityUnknown", "noEnvironments", "environmentFallback", "filterIgnored",
	"filterRequired", "filterOne", "filterMany", "undefinedVariable", "apiNamesFailed",
	"droppedBuckets", "rowsCut", "rowsCutUnknownTotal", "partialData", "optionUnknown",
	"optionInteger", "optionIntegerRange", "optionMinItems", "optionMaxItems", "optionText",
	"answerShape", "answerItemsSkipped", "graphqlErrors", "optionClamped", "pagesCut",
	"pagesTimedOut", "savedFieldType", "timezoneUnknown", "granularityTooFine",
	"granularityTooFineAny", "rawGraphqlServerSide", "answerValuesUnreadable",
}

// params are a message's placeholder values: strings, or numbers printed as String(n) does.
type params map[string]any

var placeholderRE = regexp.MustCompile(`\{(\w+)\}`)

// formatMessage fills {name} placeholders; an unknown name stays as written, so a typo
// shows in the text instead of vanishing.
func formatMessage(template string, p params) string {
	return placeholderRE.ReplaceAllStringFunc(template, func(m string) string {
		name := m[1 : len(m)-1]
		if v, ok := p[name]; ok {
			return jsString(v)
		}
		return m
	})
}

// message is a user-facing text of common.json.
func (c *common) message(key string, p params) string {
	t, ok := c.messages[key]
	if !ok {
		// Load checks usedMessages, so this is a bug of ours.
		panic(fmt.Sprintf("catalog: message %q does not exist", key))
	}
	return formatMessage(t, p)
}

// userError is an error whose text is for the panel: the target's error, as is.
type userError struct{ msg string }

func (e *userError) Error() string { return e.msg }

func (c *common) fail(key string, p params) error {
	return &userError{c.message(key, p)}
}
