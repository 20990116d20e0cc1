package runner

import (
	"context"
	"encoding/json"
	"strings"
)

// Request is one GraphQL request: the catalog document exactly as written, its variables as
// compact JSON in the catalog expression's key order (no HTML escaping), the operation the
// document declares.
type Request struct {
	Query         string
	Variables     json.RawMessage
	OperationName string
}

// GraphQLError is one item of an answer's "errors".
type GraphQLError struct {
	Message string `json:"message"`
	// Path is where the error happened: field names (strings) and list indexes (numbers).
	Path []any `json:"path,omitempty"`
}

// Answer is a GraphQL answer: its "data" as sent (absent or null when there is none) and its
// "errors".
type Answer struct {
	Data   json.RawMessage
	Errors []GraphQLError
}

// Transport sends one request to the Insights API. The caller implements it (token, HTTP
// client, retries). It returns an error with a user-facing message for an HTTP failure, and for
// an answer with errors and no data (Catalog.DecodeAnswer does that part); an answer with data
// and errors is returned as it is: the errors become warnings. It must honour ctx: the page
// budget cancels requests through it.
type Transport interface {
	Do(ctx context.Context, req Request) (Answer, error)
}

// describeGraphQLError is "message (at a.b.0)".
func describeGraphQLError(e GraphQLError) string {
	where := ""
	if len(e.Path) > 0 {
		parts := make([]string, len(e.Path))
		for i, p := range e.Path {
			parts[i] = jsString(p)
		}
		where = " (at " + strings.Join(parts, ".") + ")"
	}
	return redact(e.Message + where)
}

// GraphQLErrorsMessage is the target's error for an answer with errors and no data:
// "Insights API error: <message (at a.b)>; …" (common.json "graphqlErrors").
func (c *Catalog) GraphQLErrorsMessage(errs []GraphQLError) string {
	return c.common.graphQLErrorsMessage(errs)
}

func (c *common) graphQLErrorsMessage(errs []GraphQLError) string {
	parts := make([]string, len(errs))
	for i, e := range errs {
		parts[i] = describeGraphQLError(e)
	}
	return redact(c.message("graphqlErrors", params{"errors": strings.Join(parts, "; ")}))
}

// noDataMessage is src/client/insightsClient.ts's text for an answer with neither data nor
// errors (not in common.json yet).
const noDataMessage = "The Insights API answered without data or errors."

// DecodeAnswer reads an HTTP 200 GraphQL body as the browser's client does: errors that are
// not objects or have no text message are kept as their JSON; an answer with errors and no
// data is the error GraphQLErrorsMessage; a body that is not a GraphQL response is an error.
// Transports may use it.
func (c *Catalog) DecodeAnswer(body []byte) (Answer, error) {
	v, err := parseJSON(body)
	if err != nil {
		return Answer{}, &userError{"The Insights API answered with invalid JSON."}
	}
	o, ok := v.(*object)
	if !ok {
		return Answer{}, &userError{"The Insights API answered with something that is not a GraphQL response."}
	}
	var a Answer
	if list, ok := o.value("errors").([]any); ok {
		for _, item := range list {
			a.Errors = append(a.Errors, toGraphQLError(item))
		}
	}
	d, has := o.Get("data")
	if !has || d == nil {
		if len(a.Errors) > 0 {
			return a, &userError{c.GraphQLErrorsMessage(a.Errors)}
		}
		return a, &userError{noDataMessage}
	}
	a.Data = json.RawMessage(jsonText(d, ""))
	return a, nil
}

func toGraphQLError(item any) GraphQLError {
	o, ok := item.(*object)
	if !ok {
		return GraphQLError{Message: textOf(item, "")}
	}
	e := GraphQLError{}
	if m, ok := o.value("message").(string); ok {
		e.Message = m
	} else {
		e.Message = textOf(o, "")
	}
	// A path of names and indexes only: anything else in it is not a path.
	if p, ok := o.value("path").([]any); ok {
		valid := true
		for _, seg := range p {
			switch seg.(type) {
			case string, float64:
			default:
				valid = false
			}
		}
		if valid {
			e.Path = p
		}
	}
	return e
}
