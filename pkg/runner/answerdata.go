package runner

import "bytes"

// answerData is an answer's data as the frames, pages and lookups read it: an object, or the
// target's error (catalog/README.md, Reading answers). Transports already refuse an answer
// with errors and no data; this says the same again should one pass it on.
func (c *common) answerData(a Answer) (*object, error) {
	var v any
	if len(bytes.TrimSpace(a.Data)) > 0 {
		var err error
		if v, err = parseJSON(a.Data); err != nil {
			return nil, &userError{"The Insights API answered with invalid JSON."}
		}
	}
	if v == nil {
		if len(a.Errors) > 0 {
			return nil, &userError{c.graphQLErrorsMessage(a.Errors)}
		}
		return nil, &userError{noDataMessage}
	}
	o, ok := v.(*object)
	if !ok {
		return nil, c.shapeError("data", v, "an object")
	}
	return o, nil
}
