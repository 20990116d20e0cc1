import React, { useEffect, useRef, useState } from 'react';
import { EditorField, EditorRow, EditorRows } from '@grafana/plugin-ui';
import { Alert, Button, CodeEditor, type Monaco, type MonacoEditor } from '@grafana/ui';

import { formatProblem } from '../../graphql/validate';
import type { GraphQLQueryOptions } from '../../types';
import type { GraphQLQueryEditorProps } from './GraphQLQueryEditor';
import { MappingOptions } from './MappingOptions';
import { setProblemMarkers } from './markers';
import { useGraphQLValidation } from './useGraphQLValidation';

const MACROS_HELP =
  'Variables JSON may use $__from, $__to (ISO-8601), $__interval, $__granularity, $__orgId, $__tenant, $__environmentId ' +
  'and dashboard variables. A declared variable missing here takes the dashboard variable of the same name; ' +
  'a declared DataFilter or TimeFilter is filled from the data source settings and the time range.';

/** Raw GraphQL mode. Loaded lazily: it pulls in graphql-js. */
export default function GraphQLEditorBody({ query, onChange, onRunQuery, datasource }: GraphQLQueryEditorProps) {
  const options: GraphQLQueryOptions = query.graphql ?? { query: '' };
  // Local copies: Monaco reports every keystroke, the query model is updated with each.
  const [text, setText] = useState(options.query);
  const [variables, setVariables] = useState(options.variables ?? '');
  const validation = useGraphQLValidation(text, variables, datasource.client);
  const monacoRef = useRef<{ editor: MonacoEditor; monaco: Monaco }>();

  useEffect(() => {
    if (monacoRef.current) {
      setProblemMarkers(monacoRef.current.editor, monacoRef.current.monaco, validation.queryProblems);
    }
  }, [validation.queryProblems]);

  const update = (patch: Partial<GraphQLQueryOptions>) => {
    onChange({ ...query, graphql: { ...options, query: text, variables, ...patch } });
  };

  /** Runs only what passes validation right now: nothing invalid is ever sent. */
  const runIfValid = (q = text, v = variables) => {
    const state = validation.checkNow(q, v);
    if (!state.queryProblems.length && !state.variablesError) {
      onRunQuery();
    }
  };

  const invalid = validation.queryProblems.length > 0 || !!validation.variablesError;
  return (
    <EditorRows>
      <EditorRow>
        <EditorField
          label="GraphQL query"
          width="100%"
          tooltip={`Validated against the ${validation.schemaSource === 'introspection' ? "API's own schema" : 'bundled Insights schema'} before it is sent. One query operation per panel query.`}
        >
          <div>
            <CodeEditor
              value={text}
              language="graphql"
              height={220}
              showLineNumbers
              showMiniMap={false}
              onChange={(v) => {
                setText(v);
                update({ query: v });
              }}
              onBlur={(v) => {
                update({ query: v });
                runIfValid(v);
              }}
              onSave={(v) => runIfValid(v)}
              onEditorDidMount={(editor, monaco) => {
                monacoRef.current = { editor, monaco };
                setProblemMarkers(editor, monaco, validation.queryProblems);
              }}
            />
            {validation.queryProblems.length > 0 && text.trim() !== '' && (
              <Alert severity="error" title="The GraphQL query is invalid and will not be sent">
                {validation.queryProblems.map((p, i) => (
                  <div key={i}>{formatProblem(p)}</div>
                ))}
              </Alert>
            )}
          </div>
        </EditorField>
      </EditorRow>
      <EditorRow>
        <EditorField label="Variables (JSON)" width="100%" tooltip={MACROS_HELP}>
          <div>
            <CodeEditor
              value={variables}
              language="json"
              height={100}
              showMiniMap={false}
              onChange={(v) => {
                setVariables(v);
                update({ variables: v });
              }}
              onBlur={(v) => {
                update({ variables: v });
                runIfValid(text, v);
              }}
            />
            {validation.variablesError && variables.trim() !== '' && (
              <Alert severity="error" title="The variables will not be sent">
                {validation.variablesError}
              </Alert>
            )}
          </div>
        </EditorField>
      </EditorRow>
      <MappingOptions
        options={{ ...options, query: text, variables }}
        onChange={(o) => onChange({ ...query, graphql: o })}
      />
      <EditorRow>
        <Button icon="play" size="sm" variant="primary" disabled={invalid || !text.trim()} onClick={() => runIfValid()}>
          Run query
        </Button>
      </EditorRow>
    </EditorRows>
  );
}
