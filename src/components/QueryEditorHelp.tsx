import React from 'react';
import type { QueryEditorHelpProps } from '@grafana/data';
import { Button, Stack, Text } from '@grafana/ui';

import { common, entries } from '../catalog/catalog';
import { openAsGraphQL } from '../graphql/openAsGraphQL';
import { defaultQueryFor } from '../queryModel/defaults';
import type { ChoreoQuery } from '../types';
import { Components } from './selectors';

interface Example {
  page: string;
  title: string;
  description: string;
  query: ChoreoQuery;
}

/** One example per console page (its first query type, as a new query of it shows), from the catalog. */
function builderExamples(refId: string): Example[] {
  return common.pages.flatMap((page) => {
    const entry = entries().find((e) => e.page === page && !e.raw);
    return entry
      ? [{ page, title: entry.label, description: entry.description, query: { refId, ...defaultQueryFor(entry.type) } }]
      : [];
  });
}

/** GraphQL examples: builder queries opened as GraphQL, so every document is a catalog document. */
function graphqlExamples(refId: string): Example[] {
  return ['apiUsage', 'errorsByCategory', 'overviewKpi'].flatMap((type) => {
    const q = openAsGraphQL({ refId, ...defaultQueryFor(type) });
    const entry = entries().find((e) => e.type === type);
    return q && entry
      ? [
          {
            page: 'GraphQL',
            title: `${entry.label} as GraphQL`,
            description: 'The document and variables, editable',
            query: q,
          },
        ]
      : [];
  });
}

/**
 * Grafana's query help (Explore's "?" and the editor's help): a clickable example per console
 * view and a few GraphQL documents; a click replaces the query.
 */
export function QueryEditorHelp({ query, onClickExample }: QueryEditorHelpProps<ChoreoQuery>) {
  const refId = query?.refId ?? 'A';
  const examples = [...builderExamples(refId), ...graphqlExamples(refId)];
  return (
    <div data-testid={Components.QueryEditor.Help}>
      <Stack direction="column" gap={1}>
        <Text variant="h5">Choreo Insights examples</Text>
        {examples.map((e) => (
          <Stack key={`${e.page}-${e.title}`} direction="row" gap={2} alignItems="center">
            <Button size="sm" variant="secondary" onClick={() => onClickExample(e.query)}>
              {e.page}: {e.title}
            </Button>
            <Text color="secondary">{e.description}</Text>
          </Stack>
        ))}
      </Stack>
    </div>
  );
}
