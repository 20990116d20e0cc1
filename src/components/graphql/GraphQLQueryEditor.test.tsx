import React from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';

import type { DataSource } from '../../datasource';
import type { ChoreoQuery } from '../../types';
import { STARTER_DOCUMENT } from '../../graphql/ide/starter';
import { GraphQLQueryEditor, type GraphQLDocumentSeed } from './GraphQLQueryEditor';
import { VALIDATION_DELAY_MS } from './useGraphQLValidation';

// Monaco does not run in jsdom: a textarea stands in, with the same value/onChange/onBlur contract.
jest.mock('@grafana/ui', () => {
  const actual = jest.requireActual('@grafana/ui');
  const MockCodeEditor = (props: {
    value: string;
    language: string;
    onChange?: (v: string) => void;
    onBlur?: (v: string) => void;
  }) => (
    <textarea
      aria-label={`${props.language} editor`}
      value={props.value}
      onChange={(e) => props.onChange?.(e.currentTarget.value)}
      onBlur={(e) => props.onBlur?.(e.currentTarget.value)}
    />
  );
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
});
