import React from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';

import type { DataSource } from '../../datasource';
import type { ChoreoQuery } from '../../types';
import { STARTER_DOCUMENT } from '../../graphql/ide/starter';
import { GraphQLQueryEditor, type GraphQLDocumentSeed } from './GraphQLQueryEditor';
import { VALIDATION_DELAY_MS } from './useGraphQLValidation';

// Monaco does not run in jsdom: a textarea stands in, with the same value/onChange/onBlur contract.
// Like @grafana/ui's CodeEditor, it keeps calling the onChange it was mounted with (Monaco's
// content listener is registered once) and the current onBlur.
jest.mock('@grafana/ui', () => {
  const actual = jest.requireActual('@grafana/ui');
  const { useState } = jest.requireActual('react');
  const MockCodeEditor = (props: {
    value: string;
    language: string;
    height?: number | string;
    onChange?: (v: string) => void;
    onBlur?: (v: string) => void;
  }) => {
    const [onChangeAtMount] = useState(() => props.onChange);
    return (
      <textarea
        aria-label={`${props.language} editor`}
        data-height={props.height}
        value={props.value}
        onChange={(e) => onChangeAtMount?.(e.currentTarget.value)}
        onBlur={(e) => props.onBlur?.(e.currentTarget.value)}
      />
    );
  };
  return { ...actual, CodeEditor: MockCodeEditor };
});

const VALID = '{ listOrganizations { id name } }';

/** `null`: a query that has no GraphQL options yet (just switched to GraphQL). */
function setup(graphql: ChoreoQuery['graphql'] | null = { query: VALID }, initialDocument?: GraphQLDocumentSeed) {
  // Introspection fails: validation uses the bundled schema.
  const execute = jest.fn(async (_req: { operationName?: string }) => {
    throw new Error('no introspection');
  });
  const datasource = { client: { execute } } as unknown as DataSource;
  const onChange = jest.fn();
  const onRunQuery = jest.fn();
  render(
    <GraphQLQueryEditor
      query={graphql ? { refId: 'A', graphql } : { refId: 'A' }}
      onChange={onChange}
      onRunQuery={onRunQuery}
      datasource={datasource}
      initialDocument={initialDocument}
    />
  );
  return { onChange, onRunQuery, execute };
}

async function type(label: string, value: string) {
  // The lazy chunk (graphql-js) is compiled on first use: allow for it.
  const editor = await screen.findByLabelText(label, {}, { timeout: 15_000 });
  fireEvent.change(editor, { target: { value } });
  await act(async () => {
    await new Promise((r) => setTimeout(r, VALIDATION_DELAY_MS + 50));
  });
  return editor;
}

describe('GraphQLQueryEditor', () => {
  it('shows a syntax error with line and column while typing, and never runs it', async () => {
    const { onRunQuery, onChange, execute } = setup();
    const editor = await type('graphql editor', '{\n  listOrganizations {\n    id\n');
    expect(await screen.findByText('Syntax Error: Expected Name, found <EOF>. (line 4, column 1)')).toBeInTheDocument();
    expect(screen.getByText('The GraphQL query is invalid and will not be sent')).toBeInTheDocument();
    fireEvent.blur(editor);
    expect(screen.getByRole('button', { name: /run query/i })).toBeDisabled();
    expect(onRunQuery).not.toHaveBeenCalled();
    // The model is still updated (so the text is not lost), but no query request was made.
    expect(onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ graphql: expect.objectContaining({ query: '{\n  listOrganizations {\n    id\n' }) })
    );
    expect(execute.mock.calls.every(([req]) => req.operationName === 'IntrospectionQuery')).toBe(true);
  });

  it('shows schema errors with their location', async () => {
    setup();
    await type('graphql editor', '{\n  listOrganizations { idd }\n}');
    expect(
      await screen.findByText(/Cannot query field "idd" on type "Organization".* \(line 2, column 23\)/)
    ).toBeInTheDocument();
  });

  it('runs a valid query on blur and with the button', async () => {
    const { onRunQuery } = setup({ query: VALID });
    const editor = await type('graphql editor', VALID);
    fireEvent.blur(editor);
    expect(onRunQuery).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: /run query/i }));
    expect(onRunQuery).toHaveBeenCalledTimes(2);
    expect(screen.queryByText(/will not be sent/)).not.toBeInTheDocument();
  });

  it('blocks running when the variables are not a JSON object', async () => {
    const { onRunQuery } = setup();
    const vars = await type('json editor', '{"limit": ');
    expect(await screen.findByText(/The variables are not valid JSON/)).toBeInTheDocument();
    fireEvent.blur(vars);
    expect(onRunQuery).not.toHaveBeenCalled();
  });

  it('saves the response mapping options', async () => {
    const { onChange } = setup();
    const labels = await screen.findByLabelText('Label fields', {}, { timeout: 15_000 });
    fireEvent.blur(labels, { target: { value: 'apiId, apiName' } });
    expect(onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ graphql: expect.objectContaining({ labelFields: ['apiId', 'apiName'], query: VALID }) })
    );
    fireEvent.blur(screen.getByLabelText('Data path'), { target: { value: 'a.b' } });
    expect(onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ graphql: expect.objectContaining({ dataPath: 'a.b' }) })
    );
  });

  it('starts a query without a document from a runnable example, saved and run once', async () => {
    const { onChange, onRunQuery } = setup(null);
    const editor = await screen.findByLabelText('graphql editor', {}, { timeout: 15_000 });
    expect(editor).toHaveValue(STARTER_DOCUMENT.query);
    expect((editor as HTMLTextAreaElement).value).toMatch(/getAPIUsageOverTime\(timeFilter: \$timeFilter/);
    expect(onChange).toHaveBeenCalledWith(
      expect.objectContaining({
        graphql: expect.objectContaining({ query: STARTER_DOCUMENT.query, variables: '{}', labelFields: ['apiId'] }),
      })
    );
    // The mapping that goes with it is shown, not only saved.
    expect(screen.getByLabelText('Label fields')).toHaveValue('apiId');
    expect(onRunQuery).toHaveBeenCalledTimes(1);
  });

  it('starts from the document it is given (Open as GraphQL), not over an existing one', async () => {
    const seed = { query: '{ listEnvironments(org: {orgId: "o"}) { id name } }', variables: '{"a": 1}' };
    setup({ query: '' }, seed);
    expect(await screen.findByLabelText('graphql editor', {}, { timeout: 15_000 })).toHaveValue(seed.query);
    expect(screen.getByLabelText('json editor')).toHaveValue(seed.variables);
  });

  it('keeps the saved document when one is given too', async () => {
    setup({ query: VALID }, { query: '{ listTenants }' });
    expect(await screen.findByLabelText('graphql editor', {}, { timeout: 15_000 })).toHaveValue(VALID);
  });

  it('prettifies the document and keeps its comments', async () => {
    const { onChange } = setup({ query: '# orgs\n{ listOrganizations { id   name } }' });
    await screen.findByLabelText('graphql editor', {}, { timeout: 15_000 });
    fireEvent.click(screen.getByRole('button', { name: /prettify/i }));
    const pretty = '# orgs\n{\n  listOrganizations {\n    id\n    name\n  }\n}\n';
    await waitFor(() => expect(screen.getByLabelText('graphql editor')).toHaveValue(pretty));
    expect(onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ graphql: expect.objectContaining({ query: pretty }) })
    );
  });

  it('says why a document that does not parse cannot be prettified', async () => {
    setup({ query: '{ listOrganizations { id ' });
    await screen.findByLabelText('graphql editor', {}, { timeout: 15_000 });
    fireEvent.click(screen.getByRole('button', { name: /prettify/i }));
    expect(await screen.findByText('Prettify needs a document that parses')).toBeInTheDocument();
  });

  describe('as part of a query row whose query changes', () => {
    /** The editor inside a parent that keeps the query, as a panel's query row does. */
    function Row({ initial, onQuery }: { initial: ChoreoQuery; onQuery: (q: ChoreoQuery) => void }) {
      const [query, setQuery] = React.useState(initial);
      const datasource = React.useMemo(
        () =>
          ({
            client: {
              execute: async () => {
                throw new Error('no introspection');
              },
            },
          }) as unknown as DataSource,
        []
      );
      const change = (q: ChoreoQuery) => {
        setQuery(q);
        onQuery(q);
      };
      return (
        <>
          <button onClick={() => change({ ...query, environmentId: 'env-prod' })}>Production</button>
          <button
            onClick={() => change({ ...query, graphql: { query: '{ listTenants { id } }', variables: '{"b": 2}' } })}
          >
            Example
          </button>
          <GraphQLQueryEditor query={query} onChange={change} onRunQuery={() => undefined} datasource={datasource} />
        </>
      );
    }

    const start = (): ChoreoQuery => ({
      refId: 'A',
      environmentId: 'env-dev',
      graphql: { query: VALID, variables: '{"a": 1}' },
    });

    it('typing keeps what changed since the editor mounted (environment, variables)', async () => {
      const onQuery = jest.fn();
      render(<Row initial={start()} onQuery={onQuery} />);
      await screen.findByLabelText('graphql editor', {}, { timeout: 15_000 });
      fireEvent.click(screen.getByRole('button', { name: 'Production' }));
      await type('json editor', '{"a": 3}');
      await type('graphql editor', '{ listOrganizations { id } }');
      expect(onQuery).toHaveBeenLastCalledWith(
        expect.objectContaining({
          environmentId: 'env-prod',
          graphql: expect.objectContaining({ query: '{ listOrganizations { id } }', variables: '{"a": 3}' }),
        })
      );
    });

    it('shows a document replaced from outside (a query help example) and edits that one', async () => {
      const onQuery = jest.fn();
      render(<Row initial={start()} onQuery={onQuery} />);
      await screen.findByLabelText('graphql editor', {}, { timeout: 15_000 });
      fireEvent.click(screen.getByRole('button', { name: 'Example' }));
      await waitFor(() => expect(screen.getByLabelText('graphql editor')).toHaveValue('{ listTenants { id } }'));
      expect(screen.getByLabelText('json editor')).toHaveValue('{"b": 2}');
      await type('graphql editor', '{ listTenants { id name } }');
      expect(onQuery).toHaveBeenLastCalledWith(
        expect.objectContaining({
          graphql: expect.objectContaining({ query: '{ listTenants { id name } }', variables: '{"b": 2}' }),
        })
      );
    });

    it('does not take back what was typed when the query comes back a keystroke late', async () => {
      // A parent that hands the editor each query one change late.
      function LateRow({ initial }: { initial: ChoreoQuery }) {
        const [shown, setShown] = React.useState(initial);
        const pending = React.useRef(initial);
        const datasource = React.useMemo(() => ({ client: { execute: jest.fn() } }) as unknown as DataSource, []);
        return (
          <GraphQLQueryEditor
            query={shown}
            onChange={(q) => {
              setShown(pending.current);
              pending.current = q;
            }}
            onRunQuery={() => undefined}
            datasource={datasource}
          />
        );
      }
      render(<LateRow initial={start()} />);
      await type('graphql editor', '{ listOrganizations { id } }');
      await type('graphql editor', '{ listOrganizations { id name } }');
      expect(screen.getByLabelText('graphql editor')).toHaveValue('{ listOrganizations { id name } }');
    });
  });

  it('opened from a builder query: says whose frames it makes, until the response is mapped by hand', async () => {
    const { onChange, onRunQuery } = setup({ query: VALID, variables: '{}', framesFrom: 'apiUsage' });
    expect(
      await screen.findByText(/Frames as the API usage query type makes them/, {}, { timeout: 15_000 })
    ).toBeInTheDocument();
    // The mapping options would do nothing: they are not offered.
    expect(screen.queryByLabelText('Label fields')).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: /Map the response myself/ }));
    const saved = onChange.mock.calls.at(-1)?.[0] as ChoreoQuery;
    expect(saved.graphql).toEqual({ query: VALID, variables: '{}' });
    expect(onRunQuery).toHaveBeenCalledTimes(1);
  });

  it('grows the editors with their text, up to a maximum', async () => {
    const long = Array.from({ length: 60 }, (_, i) => `# line ${i}`).join('\n') + '\n{ listTenants { id } }';
    setup({ query: VALID, variables: '{}' });
    const editor = await screen.findByLabelText('graphql editor', {}, { timeout: 15_000 });
    const small = Number(editor.getAttribute('data-height'));
    const vars = Number(screen.getByLabelText('json editor').getAttribute('data-height'));
    await type('graphql editor', `${VALID}\n\n\n\n\n\n\n\n\n\n\n\n\n\n`);
    const taller = Number(editor.getAttribute('data-height'));
    await type('graphql editor', long);
    const tallest = Number(editor.getAttribute('data-height'));
    await type('graphql editor', `${long}\n# more`);
    expect(small).toBeGreaterThan(vars);
    expect(taller).toBeGreaterThan(small);
    expect(tallest).toBeGreaterThan(taller);
    expect(Number(editor.getAttribute('data-height'))).toBe(tallest);
  });
});
