import React from 'react';
import { Alert } from '@grafana/ui';

import type { DataSource } from '../datasource';
import type { ChoreoQuery } from '../types';
import { Components } from './selectors';

interface Props {
  query: ChoreoQuery;
  onChange: (query: ChoreoQuery) => void;
  onRunQuery: () => void;
  datasource: DataSource;
}

/**
 * Seam for the GraphQL-mode editor owned by src/components/graphql. Until that editor lands the
 * user is told so plainly rather than shown a text box that might disagree with it.
 */
export function GraphQLModeEditor(_props: Props) {
  return (
    <div data-testid={Components.QueryEditor.GraphQLPending}>
      <Alert severity="info" title="GraphQL editor not available in this build">
        Writing GraphQL by hand is not available yet. Choose one of the console views above.
      </Alert>
    </div>
  );
}
