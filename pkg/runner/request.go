package runner

// buildRequest is the document and variables a request spec sends in a context
// (catalog/README.md, Requests); variables that do not evaluate to an object are {}.
func buildRequest(spec *requestDef, ctx *Object) (Request, *Object) {
	vars, ok := evaluate(spec.variables, ctx, noLookups{}).(*Object)
	if !ok {
		vars = NewObject()
	}
	return Request{
		Query:         spec.doc.text,
		Variables:     []byte(jsonText(vars, "")),
		OperationName: spec.doc.operationName,
	}, vars
}

// requestContext is what a request's variables are built from (catalog/README.md, Request
// context). Keys whose value is absent are left out.
type requestContext struct {
	timeFilter    *Object
	orgID, tenant string
	environmentID string
	projectID     string
	granularity   string
	apiIDs        []string
	appIDs        []string
	options       *Object
}

func (r *requestContext) object() *Object {
	dataFilter := obj("orgId", r.orgID, "tenant", r.tenant,
		"environmentId", textOrAbsent(r.environmentID), "projectId", textOrAbsent(r.projectID))
	return obj(
		"timeFilter", r.timeFilter,
		"dataFilter", dataFilter,
		"orgId", r.orgID,
		"tenant", r.tenant,
		"environmentId", textOrAbsent(r.environmentID),
		"projectId", textOrAbsent(r.projectID),
		"granularity", r.granularity,
		"apiIds", idsValue(r.apiIDs),
		"apiId", firstID(r.apiIDs),
		"appIds", idsValue(r.appIDs),
		"appId", firstID(r.appIDs),
		"options", r.options,
	)
}

// withPage is the context with the page being asked for.
func withPage(ctx *Object, offset, limit int) *Object {
	c := ctx.Clone()
	c.Set("page", obj("offset", float64(offset), "limit", float64(limit)))
	return c
}
