import React, { useEffect } from 'react';
import type { QueryEditorProps } from '@grafana/data';
import { EditorField, EditorRow, EditorRows } from '@grafana/plugin-ui';
import { Alert, Combobox } from '@grafana/ui';

import type { DataSource } from '../datasource';
import type { ChoreoOptions } from '../options';
import type { ChoreoQuery, QueryType } from '../types';
import { DEFAULT_QUERY_TYPE, defaultQueryFor, switchQueryType } from './editors/defaults';
import { TYPE_EDITORS } from './editors/typeEditors';
import { hasProblems, queryProblems } from './editors/validation';
import { ScopeRow } from './fields/ScopeRow';
import { GraphQLQueryEditor } from './graphql/GraphQLQueryEditor';
import { isQueryType, QUERY_TYPE_OPTIONS, QUERY_TYPES } from './queryTypes';
import { Components } from './selectors';

type Props = QueryEditorProps<DataSource, ChoreoQuery, ChoreoOptions>;

const S = Components.QueryEditor;

/**
 * One editor per Choreo console view: the type select (grouped by console page), the scope the
 * type uses, then the type's own options. Every committed change runs the query unless it has a
 * problem shown under a field, so the panel never shows an API error the editor could explain.
 */
export function QueryEditor(props: Props) {
  const { query, onChange, onRunQuery, datasource } = props;
  const known = isQueryType(query.queryType);
  const type: QueryType = known ? (query.queryType as QueryType) : DEFAULT_QUERY_TYPE;

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
        ...withoutUndefined(defaultQueryFor(DEFAULT_QUERY_TYPE)),
        ...withoutUndefined(query),
        refId: query.refId,
        queryType: DEFAULT_QUERY_TYPE,
      });
    }
    // Only the transition to "has a type" matters; `apply` and `query` are fresh each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [untyped]);

  const info = QUERY_TYPES[type];
  const problems = queryProblems(query);
  const patch = (p: Partial<ChoreoQuery>) => apply({ ...query, ...p });
  const TypeEditor = TYPE_EDITORS[type];

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
        </EditorRow>
        {query.queryType && !known && (
          <Alert severity="warning" title={`Unknown query type "${query.queryType}"`}>
            This query was saved by another version of the plugin. Choose a query type to edit it.
          </Alert>
        )}
        <ScopeRow
          query={query}
          info={info}
          metadata={datasource.metadata}
          defaultEnvironmentId={datasource.settings.defaultEnvironmentId}
          problems={problems}
          onChange={patch}
        />
        {TypeEditor && <TypeEditor query={query} problems={problems} onChange={patch} />}
      </EditorRows>
      {type === 'graphql' && (
        <GraphQLQueryEditor query={query} onChange={onChange} onRunQuery={onRunQuery} datasource={datasource} />
      )}
    </div>
  );
}

function withoutUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
