import React, { Suspense, lazy } from 'react';
import { LoadingPlaceholder } from '@grafana/ui';

import type { DataSource } from '../../datasource';
import type { GraphQLDocumentSeed } from '../../graphql/ide/starter';
import type { ChoreoQuery } from '../../types';

export type { GraphQLDocumentSeed } from '../../graphql/ide/starter';

export interface GraphQLQueryEditorProps {
  query: ChoreoQuery;
  onChange(query: ChoreoQuery): void;
  onRunQuery(): void;
  datasource: DataSource;
  /**
   * The document (and variables JSON) to start from when the query has none yet, e.g. a builder
   * query opened as GraphQL. Without it the editor starts from a runnable example.
   */
  initialDocument?: GraphQLDocumentSeed;
}

// graphql-js, the language service and the editor UI load only when someone opens GraphQL mode.
const GraphQLEditorBody = lazy(() => import(/* webpackChunkName: "graphql-editor" */ './GraphQLEditorBody'));

/** Raw GraphQL mode: document, variables and response mapping. */
export function GraphQLQueryEditor(props: GraphQLQueryEditorProps) {
  return (
    <Suspense fallback={<LoadingPlaceholder text="Loading GraphQL editor…" />}>
      <GraphQLEditorBody {...props} />
    </Suspense>
  );
}
