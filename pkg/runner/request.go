package runner

// buildRequest is the document and variables a request spec sends in a context
// (catalog/README.md, Requests); variables that do not evaluate to an object are {}.
func buildRequest(spec *requestDef, ctx *object) (Request, *object) {
	vars, ok := evaluate(spec.variables, ctx, noLookups{}).(*object)
	if !ok {
		vars = newObject()
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
	timeFilter    *object
	orgID, tenant string
	environmentID string
	projectID     string
	granularity   string
	apiIDs        []string
	appIDs        []string
	options       *object
}

func (r *requestContext) object() *object {
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
func withPage(ctx *object, offset, limit int) *object {
	c := ctx.Clone()
	c.Set("page", obj("offset", float64(offset), "limit", float64(limit)))
	return c
}
