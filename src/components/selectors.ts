import { entryFor } from '../catalog/catalog';

/**
 * Labels and DOM ids of the query editor, shared by unit tests, browser tests and e2e specs so
 * a renamed label breaks nothing silently. `label` is the visible field label (and the control's
 * accessible name: Testing Library `getByLabelText`, Playwright `getByLabel`); `id` is the DOM id
 * of the control, unique per query row because it ends with the row's refId. A query type's own
 * options take both from the catalog (`option(type, name)`).
 */
export interface FieldSelector {
  label: string;
  id: (refId: string) => string;
}

const field = (label: string, name: string): FieldSelector => ({
  label,
  id: (refId: string) => `choreo-${name}-${refId}`,
});

/** The selector of a catalog option: its label and its `selector` name. */
function option(type: string, name: string): FieldSelector {
  const o = entryFor(type)?.options.find((x) => x.name === name);
  if (!o) {
    throw new Error(`selectors: query type "${type}" has no option "${name}"`);
  }
  return field(o.label, o.selector);
}

export const Components = {
  QueryEditor: {
    container: 'data-testid choreo-query-editor',
    QueryType: field('Query type', 'query-type'),
    OpenAsGraphQL: 'data-testid choreo-open-as-graphql',
    Help: 'data-testid choreo-query-help',
    Scope: {
      Environment: field('Environment', 'environment'),
      Project: field('Project id', 'project'),
      Apis: field('APIs', 'apis'),
      Api: field('API', 'api'),
      Applications: field('Applications', 'applications'),
      Application: field('Application', 'application'),
      Granularity: field('Granularity', 'granularity'),
    },
    option,
  },
  /** The annotation query editor: the Alert summary's scope and options, and this one of its own. */
  AnnotationEditor: {
    MinSeverity: field('Minimum severity', 'min-severity'),
  },
};

export const selectors = { components: Components };
