import React, { useEffect } from 'react';
import type { QueryEditorProps } from '@grafana/data';
import { EditorField, EditorRow, EditorRows } from '@grafana/plugin-ui';
import { Alert, Button, Combobox } from '@grafana/ui';

import { common, entryFor, resolveDefinition } from '../catalog/catalog';
import { normalizeOptions } from '../catalog/options';
import { openAsGraphQL } from '../graphql/openAsGraphQL';
import type { DataSource } from '../datasource';
import type { ChoreoOptions } from '../options';
import { defaultQueryFor } from '../queryModel/defaults';
import { hasProblems, queryProblems } from '../queryModel/problems';
import { switchQueryType } from '../queryModel/switchType';
import type { ChoreoQuery, QueryType } from '../types';
import { ScopeRow } from './fields/ScopeRow';
import { GraphQLQueryEditor } from './graphql/GraphQLQueryEditor';
import { OptionsEditor } from './OptionsEditor';
import { isQueryType, QUERY_TYPE_OPTIONS } from './queryTypes';
import { Components } from './selectors';

type Props = QueryEditorProps<DataSource, ChoreoQuery, ChoreoOptions>;

const S = Components.QueryEditor;

/**
 * One editor for every Choreo console view, drawn from the catalog: the type select (grouped by
 * console page), the scope the type takes, then the type's own options. Every committed change
 * runs the query unless it has a problem shown under a field, so the panel never shows an API
 * error the editor could explain.
 */
export function QueryEditor(props: Props) {
  const { query, onChange, onRunQuery, datasource } = props;
  const known = isQueryType(query.queryType);
  const type = (known ? query.queryType : common.defaultType) as QueryType;

  const apply = (next: ChoreoQuery) => {
    onChange(next);
    if (!hasProblems(queryProblems(next))) {
      onRunQuery();
    }
  };

  // A query without a type (new panel before getDefaultQuery existed, or an old dashboard)
  // gets the default type's options once, so the panel shows data without any typing.
  const untyped = !query.queryType;
  useEffect(() => {
    if (untyped) {
      apply({
        ...withoutUndefined(defaultQueryFor()),
        ...withoutUndefined(query),
        refId: query.refId,
        queryType: common.defaultType as QueryType,
      });
    }
    // Only the transition to "has a type" matters; `apply` and `query` are fresh each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [untyped]);

  const entry = entryFor(type)!;
  const options = normalizeOptions(entry, query);
  const def = resolveDefinition(entry, entry.variants ? String(options.values[entry.variants.option]) : undefined);
  const problems = queryProblems(query);

  return (
    <div data-testid={S.container}>
      <EditorRows>
        <EditorRow>
          <EditorField label={S.QueryType.label} tooltip="Which Choreo console view to show, grouped by console page.">
            <Combobox<QueryType>
              id={S.QueryType.id(query.refId)}
              width={36}
              options={QUERY_TYPE_OPTIONS}
              value={type}
              onChange={(v) => v.value && v.value !== query.queryType && apply(switchQueryType(query, v.value))}
            />
          </EditorField>
          {!entry.raw && (
            <Button
              variant="secondary"
              size="sm"
              icon="brackets-curly"
              tooltip="The GraphQL document and variables this query sends, with the same frames, to edit by hand"
              data-testid={S.OpenAsGraphQL}
              onClick={() => {
                const graphql = openAsGraphQL(query);
                if (graphql) {
                  apply(graphql);
                }
              }}
            >
              Open as GraphQL
            </Button>
          )}
        </EditorRow>
        {query.queryType && !known && (
          <Alert severity="warning" title={`Unknown query type "${query.queryType}"`}>
            This query was saved by another version of the plugin. Choose a query type to edit it.
          </Alert>
        )}
        <ScopeRow
          query={query}
          scope={def.scope}
          granularity={entry.granularity}
          metadata={datasource.metadata}
          defaultEnvironmentId={datasource.settings.defaultEnvironmentId}
          problems={problems}
          onChange={(patch) => apply({ ...query, ...patch })}
        />
        <OptionsEditor entry={entry} query={query} problems={problems} onChange={apply} />
      </EditorRows>
      {entry.raw && (
        <GraphQLQueryEditor query={query} onChange={onChange} onRunQuery={onRunQuery} datasource={datasource} />
      )}
    </div>
  );
}

function withoutUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
