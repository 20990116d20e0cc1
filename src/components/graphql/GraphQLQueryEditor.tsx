import React, { Suspense, lazy } from 'react';
import { LoadingPlaceholder } from '@grafana/ui';

import type { DataSource } from '../../datasource';
import type { ChoreoQuery } from '../../types';

export interface GraphQLQueryEditorProps {
  query: ChoreoQuery;
  onChange(query: ChoreoQuery): void;
  onRunQuery(): void;
  datasource: DataSource;
}

// graphql-js and the editor UI load only when someone opens GraphQL mode.
const GraphQLEditorBody = lazy(() => import('./GraphQLEditorBody'));

/** Raw GraphQL mode: document, variables and response mapping. */
export function GraphQLQueryEditor(props: GraphQLQueryEditorProps) {
  return (
    <Suspense fallback={<LoadingPlaceholder text="Loading GraphQL editor…" />}>
      <GraphQLEditorBody {...props} />
    </Suspense>
  );
}
