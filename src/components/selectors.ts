/**
 * Labels and test ids of the query editor, shared by unit tests, browser tests and e2e specs so
 * a renamed label breaks nothing silently. `label` is the visible field label (and the control's
 * accessible name: Testing Library `getByLabelText`, Playwright `getByLabel`); `id` is the DOM id
 * of the control, unique per query row because it ends with the row's refId.
 */
interface FieldSelector {
  label: string;
  id: (refId: string) => string;
}

const field = (label: string, name: string): FieldSelector => ({
  label,
  id: (refId: string) => `choreo-${name}-${refId}`,
});

export const Components = {
  QueryEditor: {
    container: 'data-testid choreo-query-editor',
    QueryType: field('Query type', 'query-type'),
    Scope: {
      Environment: field('Environment', 'environment'),
      Project: field('Project id', 'project'),
      Apis: field('APIs', 'apis'),
      Api: field('API', 'api'),
      Applications: field('Applications', 'applications'),
      Application: field('Application', 'application'),
      Granularity: field('Granularity', 'granularity'),
    },
    Kpi: field('KPI', 'kpi'),
    ErrorCategories: field('Categories', 'error-categories'),
    ErrorCategory: field('Category', 'error-category'),
    ErrorType: field('Error type', 'error-type'),
    ErrorCodeType: field('Status codes', 'error-code-type'),
    Search: field('Search', 'search'),
    Limit: field('Limit', 'limit'),
    MaxRows: field('Max rows', 'max-rows'),
    SortBy: field('Sort by', 'sort-by'),
    SortOrder: field('Sort order', 'sort-order'),
    AlertCategory: field('Alert category', 'alert-category'),
    CustomReport: {
      Mode: field('Report', 'report-mode'),
      Metric: field('Metric', 'report-metric'),
      GroupByFields: field('Group by', 'report-group-by'),
      GroupByValues: field('Group by values', 'report-group-values'),
    },
    List: field('List', 'list'),
  },
};

export const selectors = { components: Components };
