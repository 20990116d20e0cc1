package runner

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// maxParseDepth bounds nesting while parsing (Go's own decoder stops at the same depth), so
// a hostile answer cannot make the parser's stack grow without end.
const maxParseDepth = 10000

// parseJSON reads one JSON text into the runner's values (see value.go), without recursion.
// Numbers become float64 as JSON.parse makes them (1e400 is +Inf, which readNumber refuses).
func parseJSON(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	type frame struct {
		list  []any
		obj   *Object
		isObj bool
		key   string
		hasK  bool
	}
	var stack []*frame
	var root any
	haveRoot := false
	put := func(v any) error {
		if len(stack) == 0 {
			root, haveRoot = v, true
			return nil
		}
		top := stack[len(stack)-1]
		if top.isObj {
			top.obj.Set(top.key, v)
			top.hasK = false
		} else {
			top.list = append(top.list, v)
		}
		return nil
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if len(stack) > 0 {
			top := stack[len(stack)-1]
			if top.isObj && !top.hasK {
				if k, ok := tok.(string); ok {
					top.key, top.hasK = k, true
					continue
				}
			}
		}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{', '[':
				if len(stack) >= maxParseDepth {
					return nil, errors.New("JSON nested too deep")
				}
				f := &frame{isObj: t == '{'}
				if f.isObj {
					f.obj = NewObject()
				} else {
					f.list = []any{}
				}
				stack = append(stack, f)
			case '}', ']':
				top := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				var v any = top.list
				if top.isObj {
					v = top.obj
				}
				if err := put(v); err != nil {
					return nil, err
				}
			}
		case json.Number:
			f, err := strconv.ParseFloat(string(t), 64)
			if err != nil && !isRangeErr(err) {
				return nil, err
			}
			_ = put(f)
		case string, bool, nil:
			_ = put(t)
		default:
			return nil, fmt.Errorf("unexpected JSON token %v", tok)
		}
		if len(stack) == 0 && haveRoot {
			// One value only: anything after it is an error, as for JSON.parse.
			if _, err := dec.Token(); err != io.EOF {
				return nil, errors.New("invalid JSON: text after the value")
			}
			return root, nil
		}
	}
	if !haveRoot {
		return nil, errors.New("invalid JSON: no value")
	}
	return root, nil
}

func isRangeErr(err error) bool {
	var ne *strconv.NumError
	return errors.As(err, &ne) && errors.Is(ne.Err, strconv.ErrRange)
}

// parseJSONOrAbsent parses raw catalog text; no text at all is absent.
func parseJSONOrAbsent(raw json.RawMessage) (any, error) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return absent, nil
	}
	return parseJSON(raw)
}
