import React, { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { EditorField, EditorRow, EditorRows } from '@grafana/plugin-ui';
import { Alert, Button, CodeEditor, Stack, Text, type Monaco, type MonacoEditor } from '@grafana/ui';

import { entryFor } from '../../catalog/catalog';
import { attachSchema, registerGraphQLProviders } from '../../graphql/ide/monacoGraphQL';
import { prettifyGraphQL } from '../../graphql/ide/prettify';
import { seedDocument } from '../../graphql/ide/starter';
import { schemaProviderFor } from '../../graphql/schemaProvider';
import { formatProblem } from '../../graphql/validate';
import type { GraphQLQueryOptions } from '../../types';
import type { GraphQLQueryEditorProps } from './GraphQLQueryEditor';
import { editorHeight, QUERY_EDITOR_LINES, VARIABLES_EDITOR_LINES, type EditorLines } from './editorHeight';
import { MappingOptions } from './MappingOptions';
import { setProblemMarkers } from './markers';
import { useGraphQLValidation } from './useGraphQLValidation';

const MACROS_HELP =
  'Variables JSON may use $__from, $__to (ISO-8601), $__interval, $__granularity, $__orgId, $__tenant, $__environmentId ' +
  'and dashboard variables. A declared variable missing here takes the dashboard variable of the same name; ' +
  'a declared DataFilter or TimeFilter is filled from the data source settings and the time range.';

// One object for every render: the editor compares its options by reference.
const FIT_TEXT = { scrollBeyondLastLine: false };

/** An editor as tall as its text: no scrolling past the last line (and no scrollbar for it). */
function fitted(value: string, language: 'graphql' | 'json', lines: EditorLines) {
  return {
    value,
    language,
    height: editorHeight(value, lines),
    monacoOptions: FIT_TEXT,
    showMiniMap: false,
  };
}

export const GRAPHQL_EDITOR_HELP =
  'Ctrl+Space completes fields, arguments, input fields, enum values and declared variables from the schema; hover a name for its documentation; Shift+Alt+F or Prettify formats the document (comments are kept).';

/** Raw GraphQL mode. Loaded lazily: it pulls in graphql-js and the GraphQL language service. */
export default function GraphQLEditorBody(props: GraphQLQueryEditorProps) {
  const { query, onChange, onRunQuery, datasource, initialDocument } = props;
  // A query without a document starts from the caller's (e.g. "Open as GraphQL") or the example.
  const [seed] = useState(() => (query.graphql?.query?.trim() ? undefined : seedDocument(initialDocument)));
  // Until the seeded document reaches the query model, the seed's mapping is what it will hold.
  const options: GraphQLQueryOptions = query.graphql?.query?.trim()
    ? query.graphql
    : { ...query.graphql, ...seed?.mapping, query: query.graphql?.query ?? '' };
  // Local copies: Monaco reports every keystroke, the query model is updated with each.
  const [text, setText] = useState(seed?.query ?? options.query);
  const [variables, setVariables] = useState(seed?.variables ?? options.variables ?? '');
  const [formatError, setFormatError] = useState<string>();
  const validation = useGraphQLValidation(text, variables, datasource.client);
  const monacoRef = useRef<{ editor: MonacoEditor; monaco: Monaco }>();
  const schema = () => schemaProviderFor(datasource.client).current().schema;

  useEffect(() => {
    if (monacoRef.current) {
      setProblemMarkers(monacoRef.current.editor, monacoRef.current.monaco, validation.queryProblems, schema());
    }
    // schema() reads the provider's current schema; revalidation follows a schema change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [validation.queryProblems]);

  // @grafana/ui's CodeEditor subscribes the onChange it had when Monaco mounted and never the
  // later ones: whatever a keystroke writes must come from this ref, or typing would put back
  // the query as it was at mount (an environment chosen since, variables edited since).
  const latest = useRef({ query, options, text, variables, onChange });
  // Before Monaco's own effects apply a new value (and report it through onChange).
  useLayoutEffect(() => {
    latest.current = { query, options, text, variables, onChange };
  });
  const written = useRef<string[]>([]);
  const update = (patch: Partial<GraphQLQueryOptions>) => {
    const l = latest.current;
    const graphql = { ...l.options, query: l.text, variables: l.variables, ...patch };
    remember(written.current, graphql.query, graphql.variables);
    l.onChange({ ...l.query, graphql });
  };

  // A document this editor did not write (an example from the query help, a query replaced by
  // the panel) is shown instead of the local copy. What it wrote itself may come back late.
  const modelQuery = query.graphql?.query;
  const modelVariables = query.graphql?.variables;
  useEffect(() => {
    const external = (v: string | undefined, local: string) =>
      v !== undefined && v !== local && !written.current.includes(v);
    const newQuery = modelQuery?.trim() && external(modelQuery, latest.current.text) ? modelQuery : undefined;
    const newVariables = external(modelVariables, latest.current.variables) ? modelVariables : undefined;
    if (newQuery !== undefined || newVariables !== undefined) {
      written.current = [];
    }
    if (newQuery !== undefined) {
      setText(newQuery);
    }
    if (newVariables !== undefined) {
      setVariables(newVariables);
    }
  }, [modelQuery, modelVariables]);

  /** Runs only what passes validation right now: nothing invalid is ever sent. */
  const runIfValid = (q = text, v = variables) => {
    const state = validation.checkNow(q, v);
    if (!state.queryProblems.length && !state.variablesError) {
      onRunQuery();
    }
  };

  // The seeded document becomes the query's, and runs once, so the panel shows data at once.
  useEffect(() => {
    if (seed) {
      remember(written.current, seed.query, seed.variables);
      onChange({ ...query, graphql: { ...options, ...seed.mapping, query: seed.query, variables: seed.variables } });
      runIfValid(seed.query, seed.variables ?? '');
    }
    // Once, on mount: the seed never changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const prettify = async () => {
    try {
      const formatted = await prettifyGraphQL(text);
      setFormatError(undefined);
      const editor = monacoRef.current?.editor;
      const model = editor?.getModel();
      if (editor && model) {
        // Through the editor, so Ctrl+Z undoes it; onChange follows from Monaco.
        editor.executeEdits('prettify', [{ range: model.getFullModelRange(), text: formatted }]);
        editor.pushUndoStop();
      } else {
        setText(formatted);
        update({ query: formatted });
      }
    } catch (e) {
      setFormatError(e instanceof Error ? e.message.split('\n')[0] : String(e));
    }
  };

  const invalid = validation.queryProblems.length > 0 || !!validation.variablesError;
  return (
    <EditorRows>
      <EditorRow>
        <EditorField
          label="GraphQL query"
          width="100%"
          tooltip={`Validated against the ${validation.schemaSource === 'introspection' ? "API's own schema" : 'bundled Insights schema'} before it is sent. One query operation per panel query. ${GRAPHQL_EDITOR_HELP}`}
        >
          <div>
            <CodeEditor
              {...fitted(text, 'graphql', QUERY_EDITOR_LINES)}
              showLineNumbers
              onBeforeEditorMount={(monaco) => registerGraphQLProviders(monaco)}
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
                // Also here: an editor mounted on a Monaco that was loaded before this one.
                registerGraphQLProviders(monaco);
                monacoRef.current = { editor, monaco };
                attachSchema(editor, schema);
                setProblemMarkers(editor, monaco, validation.queryProblems, schema());
              }}
            />
            {validation.queryProblems.length > 0 && text.trim() !== '' && (
              <Alert severity="error" title="The GraphQL query is invalid and will not be sent">
                {validation.queryProblems.map((p, i) => (
                  <div key={i}>{formatProblem(p)}</div>
                ))}
              </Alert>
            )}
            {formatError && (
              <Alert
                severity="warning"
                title="Prettify needs a document that parses"
                onRemove={() => setFormatError(undefined)}
              >
                {formatError}
              </Alert>
            )}
          </div>
        </EditorField>
      </EditorRow>
      <EditorRow>
        <EditorField label="Variables (JSON)" width="100%" tooltip={MACROS_HELP}>
          <div>
            <CodeEditor
              {...fitted(variables, 'json', VARIABLES_EDITOR_LINES)}
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
      {options.framesFrom ? (
        <EditorRow>
          <Stack gap={1} alignItems="center" wrap="wrap">
            <Text color="secondary">
              {`Frames as the ${entryFor(options.framesFrom)?.label ?? options.framesFrom} query type makes them (series, names, units).`}
            </Text>
            <Button
              size="sm"
              variant="secondary"
              fill="outline"
              tooltip="Turn the response into frames with a data path, time field and label fields instead"
              onClick={() => {
                const { framesFrom, ...mapped } = options;
                onChange({ ...query, graphql: { ...mapped, query: text, variables } });
                runIfValid();
              }}
            >
              Map the response myself
            </Button>
          </Stack>
        </EditorRow>
      ) : (
        <MappingOptions
          options={{ ...options, query: text, variables }}
          onChange={(o) => onChange({ ...query, graphql: o })}
        />
      )}
      <EditorRow>
        <Stack gap={1}>
          <Button
            icon="play"
            size="sm"
            variant="primary"
            disabled={invalid || !text.trim()}
            onClick={() => runIfValid()}
          >
            Run query
          </Button>
          <Button
            icon="brackets-curly"
            size="sm"
            variant="secondary"
            disabled={!text.trim()}
            tooltip="Format the document (Shift+Alt+F in the editor); comments are kept"
            onClick={prettify}
          >
            Prettify
          </Button>
        </Stack>
      </EditorRow>
    </EditorRows>
  );
}

const WRITTEN_KEPT = 50;

/** The last values this editor sent, newest last: a parent may hand any of them back late. */
function remember(list: string[], ...values: Array<string | undefined>): void {
  for (const v of values) {
    if (v !== undefined) {
      list.push(v);
    }
  }
  list.splice(0, Math.max(0, list.length - WRITTEN_KEPT));
}
