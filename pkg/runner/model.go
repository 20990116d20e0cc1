package runner

// The catalog as the runner uses it: files validated, shared options resolved, expressions
// parsed into values (absent where the file has none).

// Catalog is the loaded catalog: every query type, the shared settings and the documents.
type Catalog struct {
	common    *common
	types     map[string]*queryType
	typeOrder []string
	documents map[string]*document
	// textOptionPaths: where any type saves a free-text option (see referenceTexts).
	textOptionPaths []string
}

type document struct {
	file          string
	text          string
	operationName string
}

type granularity struct {
	name string
	ms   int64
}

type common struct {
	defaultType          string
	granularities        []granularity
	defaultMaxDataPoints float64
	maxFilterIDs         int
	paging               pagingFile
	nouns                map[string]nounFile
	lookups              map[string]lookupFile
	messages             map[string]string
	savedFields          []savedFieldFile
}

func (c *common) step(name string) (int64, bool) {
	for _, g := range c.granularities {
		if g.name == name {
			return g.ms, true
		}
	}
	return 0, false
}

type queryType struct {
	name          string
	granularity   bool
	raw           bool
	apiRequired   string
	options       []*option
	base          *definition
	variantOption string
	cases         map[string]*definition
}

// definition is what runs for one query: the type with its variant's case applied.
type definition struct {
	scope      scopeFile
	request    *requestDef
	frames     *frameDef
	lookups    []string
	pagination *paginationFile
	notices    []noticeFile
	variable   *variableDef
}

func (d *definition) hasLookup(name string) bool {
	for _, l := range d.lookups {
		if l == name {
			return true
		}
	}
	return false
}

type requestDef struct {
	doc       *document
	variables any
}

type variableDef struct {
	rows        string
	text, value any
}

type option struct {
	name, path, typ, label, noun string
	allowCustom                  bool
	def                          any
	values                       []optionValue
	min, max                     *float64
	clamp                        bool
	minItems, maxItems           *int
	msgMinItems, msgMaxItems     string
}

type optionValue struct {
	value string
	attrs *object
}

type frameDef struct {
	kind, shape     string
	granularityFrom []string
	series          []*seriesDef
	single          bool
	rows            string
	sort            *sortFile
	columns         []*columnDef
	keys            []*columnDef
	cells           string
	column, value   any
	unit            string
}

type seriesDef struct {
	each                 string
	limit, include       any
	sortBy               any
	buckets, time, value string
	field, displayName   any
	labels               []labelDef
	unit, fill           any
	axis                 string
}

type labelDef struct {
	key  string
	expr any
}

type columnDef struct {
	name, typ         string
	value             any
	unit, displayName string
}
