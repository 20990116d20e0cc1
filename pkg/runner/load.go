package runner

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"sort"
)

// Load reads and validates the catalog in fsys (catalog.Files in production: common.json,
// types/*.json, documents/*.graphql). A catalog the runner could not run as the README says
// is refused here, at start-up, rather than on a user's query.
func Load(fsys fs.FS) (*Catalog, error) {
	raw, err := fs.ReadFile(fsys, "common.json")
	if err != nil {
		return nil, fmt.Errorf("catalog: %w", err)
	}
	var cf commonFile
	if err := decodeStrict(raw, &cf); err != nil {
		return nil, fmt.Errorf("catalog: common.json: %w", err)
	}
	cm, err := compileCommon(&cf)
	if err != nil {
		return nil, fmt.Errorf("catalog: common.json: %w", err)
	}
	cat := &Catalog{common: cm, types: map[string]*queryType{}, documents: map[string]*document{}}
	if err := cat.loadDocuments(fsys); err != nil {
		return nil, err
	}
	files, err := fs.Glob(fsys, "types/*.json")
	if err != nil {
		return nil, fmt.Errorf("catalog: %w", err)
	}
	sort.Strings(files)
	for _, file := range files {
		raw, err := fs.ReadFile(fsys, file)
		if err != nil {
			return nil, fmt.Errorf("catalog: %w", err)
		}
		t, err := cat.compileType(&cf, path.Base(file), raw)
		if err != nil {
			return nil, fmt.Errorf("catalog: %s: %w", file, err)
		}
		cat.types[t.name] = t
		cat.typeOrder = append(cat.typeOrder, t.name)
	}
	seen := map[string]bool{}
	for _, name := range cat.typeOrder {
		for _, o := range cat.types[name].options {
			if (o.typ == "string" || o.typ == "stringList" || o.typ == "integer") && !seen[o.path] {
				seen[o.path] = true
				cat.textOptionPaths = append(cat.textOptionPaths, o.path)
			}
		}
	}
	if err := cat.checkCommonReferences(); err != nil {
		return nil, fmt.Errorf("catalog: common.json: %w", err)
	}
	return cat, nil
}

// Types lists the query types, in file order.
func (c *Catalog) Types() []string {
	return append([]string(nil), c.typeOrder...)
}

func decodeStrict(raw []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("text after the JSON value")
	}
	return nil
}

var operationNameRE = regexp.MustCompile(`(?m)^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)`)

func (c *Catalog) loadDocuments(fsys fs.FS) error {
	files, err := fs.Glob(fsys, "documents/*.graphql")
	if err != nil {
		return fmt.Errorf("catalog: %w", err)
	}
	for _, file := range files {
		text, err := fs.ReadFile(fsys, file)
		if err != nil {
			return fmt.Errorf("catalog: %w", err)
		}
		m := operationNameRE.FindSubmatch(text)
		if m == nil {
			return fmt.Errorf("catalog: %s declares no operation name", file)
		}
		name := path.Base(file)
		c.documents[name] = &document{file: name, text: string(text), operationName: string(m[1])}
	}
	return nil
}

func compileCommon(cf *commonFile) (*common, error) {
	cm := &common{
		defaultType:          cf.DefaultType,
		defaultMaxDataPoints: cf.DefaultMaxDataPoints,
		maxFilterIDs:         cf.MaxFilterIDs,
		paging:               cf.Paging,
		nouns:                cf.ScopeNouns,
		lookups:              cf.Lookups,
		messages:             cf.Messages,
		savedFields:          cf.SavedFields,
	}
	g, err := parseJSONOrAbsent(cf.Granularities)
	if err != nil {
		return nil, fmt.Errorf("granularities: %w", err)
	}
	gs, ok := g.(*object)
	if !ok || gs.Len() == 0 {
		return nil, errors.New("granularities must be an object of name → milliseconds")
	}
	for _, k := range gs.Keys() {
		ms, _ := gs.value(k).(float64)
		if !isJSInteger(ms) || ms <= 0 {
			return nil, fmt.Errorf("granularity %q must be a positive whole number of milliseconds", k)
		}
		cm.granularities = append(cm.granularities, granularity{name: k, ms: int64(ms)})
	}
	p := cf.Paging
	if p.PageLimit <= 0 || p.DefaultMaxRows <= 0 || p.MaxPages <= 0 || p.MaxConcurrentPages <= 0 || p.BudgetSeconds <= 0 {
		return nil, errors.New("paging: every limit must be positive")
	}
	if cm.defaultMaxDataPoints <= 0 || cm.maxFilterIDs <= 0 {
		return nil, errors.New("defaultMaxDataPoints and maxFilterIds must be positive")
	}
	for _, k := range []string{"apis", "apps"} {
		if _, ok := cm.nouns[k]; !ok {
			return nil, fmt.Errorf("scopeNouns.%s is missing", k)
		}
	}
	for _, k := range usedMessages {
		if _, ok := cm.messages[k]; !ok {
			return nil, fmt.Errorf("messages.%s is missing", k)
		}
	}
	for _, f := range cm.savedFields {
		if f.Path == "" || (f.Type != "text" && f.Type != "textList") {
			return nil, fmt.Errorf("savedFields: %q must have a path and the type text or textList", f.Path)
		}
	}
	return cm, nil
}

// checkCommonReferences checks what common.json names in the type files.
func (c *Catalog) checkCommonReferences() error {
	if t, ok := c.types[c.common.defaultType]; !ok || t.raw {
		return fmt.Errorf("defaultType %q is not a builder query type", c.common.defaultType)
	}
	for _, name := range []string{"apiNames", "environments"} {
		l, ok := c.common.lookups[name]
		if !ok {
			return fmt.Errorf("lookups.%s is missing", name)
		}
		if l.ID == "" || l.Name == "" {
			return fmt.Errorf("lookups.%s needs id and name", name)
		}
		if _, err := c.lookupDefinition(name); err != nil {
			return err
		}
	}
	return nil
}

// lookupDefinition is the list variant a lookup runs.
func (c *Catalog) lookupDefinition(name string) (*definition, error) {
	l := c.common.lookups[name]
	t, ok := c.types[l.Type]
	if !ok {
		return nil, fmt.Errorf("lookups.%s: no query type %q", name, l.Type)
	}
	d, ok := t.cases[l.Variant]
	if !ok || d.request == nil || d.variable == nil {
		return nil, fmt.Errorf("lookups.%s: type %q has no variant %q with a request and a variable", name, l.Type, l.Variant)
	}
	return d, nil
}

func (c *Catalog) compileType(cf *commonFile, file string, raw []byte) (*queryType, error) {
	var tf typeFile
	if err := decodeStrict(raw, &tf); err != nil {
		return nil, err
	}
	if tf.Type == "" || tf.Type+".json" != file {
		return nil, fmt.Errorf("type %q must be named as its file", tf.Type)
	}
	if _, dup := c.types[tf.Type]; dup {
		return nil, fmt.Errorf("type %q is defined twice", tf.Type)
	}
	if tf.Scope == nil {
		return nil, errors.New("scope is missing")
	}
	t := &queryType{name: tf.Type, granularity: tf.Granularity, raw: tf.Raw}
	if tf.Messages != nil {
		t.apiRequired = tf.Messages.APIRequired
	}
	names := map[string]bool{}
	for i, entry := range tf.Options {
		o, err := compileOption(cf, entry)
		if err != nil {
			return nil, fmt.Errorf("options[%d]: %w", i, err)
		}
		if names[o.name] {
			return nil, fmt.Errorf("option %q is defined twice", o.name)
		}
		names[o.name] = true
		t.options = append(t.options, o)
	}
	base, err := c.compileCase(&tf.caseFile, nil)
	if err != nil {
		return nil, err
	}
	t.base = base
	if tf.Raw {
		if base.request != nil || base.frames != nil || tf.Variants != nil {
			return nil, errors.New("a raw type has no request, frames or variants")
		}
		return t, nil
	}
	if tf.Variants == nil {
		return t, checkRunnable(t.base, "")
	}
	t.variantOption = tf.Variants.Option
	var vo *option
	for _, o := range t.options {
		if o.name == tf.Variants.Option {
			vo = o
		}
	}
	if vo == nil || vo.typ != "enum" {
		return nil, fmt.Errorf("variants.option %q must be an enum option", tf.Variants.Option)
	}
	t.cases = map[string]*definition{}
	for key, cs := range tf.Variants.Cases {
		if !vo.hasValue(key) {
			return nil, fmt.Errorf("variant %q is not a value of option %q", key, vo.name)
		}
		d, err := c.compileCase(&cs, base)
		if err != nil {
			return nil, fmt.Errorf("variants.cases.%s: %w", key, err)
		}
		if err := checkRunnable(d, key); err != nil {
			return nil, err
		}
		t.cases[key] = d
	}
	// An absent option takes its default first, so a variant always exists.
	if d, ok := vo.def.(string); !ok || t.cases[d] == nil {
		return nil, fmt.Errorf("option %q needs a default that is one of the variants", vo.name)
	}
	return t, nil
}

func checkRunnable(d *definition, variant string) error {
	if d.request == nil || d.frames == nil {
		if variant != "" {
			return fmt.Errorf("variant %q has no request or frames", variant)
		}
		return errors.New("a builder type needs a request and frames")
	}
	if d.frames != nil && usesOperator(d.frames.exprs(), "$apiName", "$apiId") && !d.hasLookup("apiNames") {
		return errors.New(`frames use $apiName or $apiId: declare "lookups": ["apiNames"]`)
	}
	return nil
}

// compileCase reads a type's own keys (base nil) or a variant case over its type's.
func (c *Catalog) compileCase(cf *caseFile, base *definition) (*definition, error) {
	d := &definition{}
	if base != nil {
		*d = *base
	}
	if cf.Scope != nil {
		for _, a := range []string{cf.Scope.APIs, cf.Scope.Apps} {
			switch a {
			case "none", "one", "many", "required":
			default:
				return nil, fmt.Errorf("scope arity %q is not none, one, many or required", a)
			}
		}
		d.scope = *cf.Scope
	}
	if cf.Request != nil {
		r, err := c.compileRequest(cf.Request)
		if err != nil {
			return nil, fmt.Errorf("request: %w", err)
		}
		d.request = r
	}
	if cf.Frames != nil {
		f, err := compileFrames(cf.Frames)
		if err != nil {
			return nil, fmt.Errorf("frames: %w", err)
		}
		d.frames = f
	}
	if cf.Lookups != nil {
		for _, l := range cf.Lookups {
			if l != "apiNames" && l != "environments" {
				return nil, fmt.Errorf("unknown lookup %q", l)
			}
		}
		d.lookups = cf.Lookups
	}
	if cf.Pagination != nil {
		if cf.Pagination.Rows == "" || cf.Pagination.Total == "" {
			return nil, errors.New("pagination needs rows and total")
		}
		d.pagination = cf.Pagination
	}
	if cf.Notices != nil {
		for _, n := range cf.Notices {
			if (n.Severity != "info" && n.Severity != "warning") || n.Text == "" {
				return nil, errors.New("a notice needs the severity info or warning and a text")
			}
		}
		d.notices = cf.Notices
	}
	if cf.Variable != nil {
		text, err1 := parseJSONOrAbsent(cf.Variable.Text)
		value, err2 := parseJSONOrAbsent(cf.Variable.Value)
		if err := errors.Join(err1, err2); err != nil || cf.Variable.Rows == "" {
			return nil, fmt.Errorf("variable needs rows, text and value: %v", err)
		}
		d.variable = &variableDef{rows: cf.Variable.Rows, text: text, value: value}
	}
	return d, nil
}

func (c *Catalog) compileRequest(rf *requestFile) (*requestDef, error) {
	doc, ok := c.documents[rf.Document]
	if !ok {
		return nil, fmt.Errorf("document %q is not in documents/", rf.Document)
	}
	vars, err := parseJSONOrAbsent(rf.Variables)
	if err != nil {
		return nil, fmt.Errorf("variables: %w", err)
	}
	if _, ok := vars.(*object); !ok {
		return nil, errors.New("variables must be an object expression")
	}
	// Requests are built before any lookup has answered.
	if usesOperator(vars, "$apiName", "$apiId") {
		return nil, errors.New("variables cannot use $apiName or $apiId")
	}
	return &requestDef{doc: doc, variables: vars}, nil
}

// compileOption resolves a shared option ({"use": …} with overrides) and reads it.
func compileOption(cf *commonFile, entry json.RawMessage) (*option, error) {
	var keys map[string]json.RawMessage
	if err := json.Unmarshal(entry, &keys); err != nil {
		return nil, err
	}
	if use, ok := keys["use"]; ok {
		var name string
		if err := json.Unmarshal(use, &name); err != nil {
			return nil, errors.New(`"use" must name a shared option`)
		}
		shared, ok := cf.SharedOptions[name]
		if !ok {
			return nil, fmt.Errorf("shared option %q does not exist", name)
		}
		var merged map[string]json.RawMessage
		if err := json.Unmarshal(shared, &merged); err != nil {
			return nil, fmt.Errorf("shared option %q: %w", name, err)
		}
		for k, v := range keys {
			if k != "use" {
				merged[k] = v
			}
		}
		var err error
		if entry, err = json.Marshal(merged); err != nil {
			return nil, err
		}
	}
	var of optionFile
	if err := decodeStrict(entry, &of); err != nil {
		return nil, err
	}
	o := &option{
		name: of.Name, path: of.Path, typ: of.Type, label: of.Label, noun: of.Noun,
		allowCustom: of.AllowCustom, min: of.Min, max: of.Max, clamp: of.Clamp,
		minItems: of.MinItems, maxItems: of.MaxItems,
	}
	if o.name == "" || o.label == "" {
		return nil, errors.New("an option needs a name and a label")
	}
	if o.path == "" {
		o.path = o.name
	}
	if o.noun == "" {
		o.noun = o.label
	}
	if of.Messages != nil {
		o.msgMinItems, o.msgMaxItems = of.Messages.MinItems, of.Messages.MaxItems
	}
	switch o.typ {
	case "enum", "enumList", "stringList", "integer", "string":
	default:
		return nil, fmt.Errorf("option %q: unknown type %q", o.name, o.typ)
	}
	if (o.typ == "enumList" || (o.typ == "enum" && !o.allowCustom)) && len(of.Values) == 0 {
		return nil, fmt.Errorf("option %q: an enum needs values", o.name)
	}
	for _, v := range of.Values {
		ov := optionValue{value: v.Value}
		if len(v.Attrs) > 0 {
			a, err := parseJSON(v.Attrs)
			if err != nil {
				return nil, fmt.Errorf("option %q: attrs: %w", o.name, err)
			}
			ao, ok := a.(*object)
			if !ok {
				return nil, fmt.Errorf("option %q: attrs must be an object", o.name)
			}
			ov.attrs = ao
		}
		o.values = append(o.values, ov)
	}
	def, err := parseJSONOrAbsent(of.Default)
	if err != nil {
		return nil, fmt.Errorf("option %q: default: %w", o.name, err)
	}
	if def == nil { // "default": null undoes a shared option's default
		def = absent
	}
	o.def = def
	return o, nil
}

func (o *option) hasValue(v string) bool {
	for _, x := range o.values {
		if x.value == v {
			return true
		}
	}
	return false
}

func (o *option) attrsOf(v string) *object {
	for _, x := range o.values {
		if x.value == v {
			return x.attrs
		}
	}
	return nil
}

// usesOperator reports whether an expression uses one of the operators anywhere.
func usesOperator(e any, ops ...string) bool {
	switch x := e.(type) {
	case []any:
		for _, item := range x {
			if usesOperator(item, ops...) {
				return true
			}
		}
	case *object:
		for _, k := range x.Keys() {
			for _, op := range ops {
				if k == op {
					return true
				}
			}
			if usesOperator(x.value(k), ops...) {
				return true
			}
		}
	}
	return false
}

// exprs lists every expression of a frame spec (for checks).
func (f *frameDef) exprs() []any {
	out := []any{f.column, f.value}
	for _, s := range f.series {
		out = append(out, s.limit, s.sortBy, s.include, s.field, s.displayName, s.unit, s.fill)
		for _, l := range s.labels {
			out = append(out, l.expr)
		}
	}
	for _, c := range append(append([]*columnDef(nil), f.columns...), f.keys...) {
		out = append(out, c.value)
	}
	return out
}
