import { buildSchema } from 'graphql';
import type { Monaco, MonacoEditor } from '@grafana/ui';

import { bundledSchema } from '../bundledSchema';
import { attachSchema, GRAPHQL_LANGUAGE_ID, registerGraphQLProviders } from './monacoGraphQL';

type Provider = Record<string, (...args: unknown[]) => unknown>;

/** The parts of Monaco the providers use, recording what is registered. */
function fakeMonaco(languages: string[] = []) {
  const providers: Record<string, Array<{ language: string; provider: Provider }>> = {
    completion: [],
    hover: [],
    format: [],
  };
  const register = (kind: string) => (language: string, provider: Provider) => {
    providers[kind].push({ language, provider });
    return { dispose: () => undefined };
  };
  const enumOf = (names: string[]) => Object.fromEntries(names.map((n, i) => [n, i]));
  const monaco = {
    languages: {
      getLanguages: () => languages.map((id) => ({ id })),
      register: jest.fn(),
      registerCompletionItemProvider: register('completion'),
      registerHoverProvider: register('hover'),
      registerDocumentFormattingEditProvider: register('format'),
      CompletionItemKind: enumOf([
        'Method',
        'Function',
        'Constructor',
        'Field',
        'Variable',
        'Class',
        'Struct',
        'Interface',
        'Module',
        'Property',
        'Event',
        'Operator',
        'Unit',
        'Value',
        'Constant',
        'Enum',
        'EnumMember',
        'Keyword',
        'Text',
        'Color',
        'File',
        'Reference',
        'Customcolor',
        'Folder',
        'TypeParameter',
        'User',
        'Issue',
        'Snippet',
      ]),
      CompletionItemInsertTextRule: { InsertAsSnippet: 4 },
      CompletionItemTag: { Deprecated: 1 },
    },
    Range: class {
      constructor(
        readonly startLineNumber: number,
        readonly startColumn: number,
        readonly endLineNumber: number,
        readonly endColumn: number
      ) {}
    },
  };
  return { monaco: monaco as unknown as Monaco, raw: monaco, providers };
}

/** A one-line model whose words are runs of letters. */
function fakeModel(uri: string, text: string) {
  const wordAt = (column: number) => {
    const at = column - 1;
    let start = at;
    while (start > 0 && /\w/.test(text[start - 1])) {
      start--;
    }
    let end = at;
    while (end < text.length && /\w/.test(text[end])) {
      end++;
    }
    return { word: text.slice(start, end), startColumn: start + 1, endColumn: end + 1 };
  };
  return {
    uri: { toString: () => uri },
    getValue: () => text,
    getWordUntilPosition: (p: { column: number }) => ({ ...wordAt(p.column), endColumn: p.column }),
    getWordAtPosition: (p: { column: number }) => (wordAt(p.column).word ? wordAt(p.column) : null),
    getFullModelRange: () => ({ startLineNumber: 1, startColumn: 1, endLineNumber: 1, endColumn: text.length + 1 }),
  };
}

function fakeEditor(model: ReturnType<typeof fakeModel>) {
  let onDispose: () => void = () => undefined;
  const editor = {
    getModel: () => model,
    onDidDispose: (fn: () => void) => {
      onDispose = fn;
      return { dispose: () => undefined };
    },
  };
  return { editor: editor as unknown as MonacoEditor, dispose: () => onDispose() };
}

function complete(
  providers: ReturnType<typeof fakeMonaco>['providers'],
  model: ReturnType<typeof fakeModel>,
  column: number
) {
  const { provider } = providers.completion[0];
  return (
    provider.provideCompletionItems(model, { lineNumber: 1, column }) as {
      suggestions: Array<{ label: unknown; kind: number; range: unknown }>;
    }
  ).suggestions;
}

const labelOf = (s: { label: unknown }) =>
  typeof s.label === 'string' ? s.label : (s.label as { label: string }).label;

describe('GraphQL providers in Monaco', () => {
  it('registers completion, hover and formatting once per Monaco instance, for the GraphQL language', () => {
    const a = fakeMonaco(['graphql']);
    registerGraphQLProviders(a.monaco);
    registerGraphQLProviders(a.monaco);
    expect(a.providers.completion.map((p) => p.language)).toEqual([GRAPHQL_LANGUAGE_ID]);
    expect(a.providers.hover).toHaveLength(1);
    expect(a.providers.format).toHaveLength(1);
    expect(a.raw.languages.register).not.toHaveBeenCalled();

    const b = fakeMonaco([]);
    registerGraphQLProviders(b.monaco);
    expect(b.providers.completion).toHaveLength(1);
    expect(b.raw.languages.register).toHaveBeenCalledWith(expect.objectContaining({ id: 'graphql' }));
  });

  it("completes with the schema of the editor's data source, and nothing for other models", () => {
    const { monaco, providers } = fakeMonaco(['graphql']);
    registerGraphQLProviders(monaco);
    const text = '{ getAPI }';
    const ours = fakeModel('inmemory://ours', text);
    const other = fakeModel('inmemory://another-plugin', text);
    const { editor } = fakeEditor(ours);
    attachSchema(editor, () => bundledSchema());

    const suggestions = complete(providers, ours, 9);
    const usage = suggestions.find((s) => labelOf(s) === 'getAPIUsageOverTime');
    expect(usage).toMatchObject({ kind: monaco.languages.CompletionItemKind.Field });
    // The word being typed is replaced.
    expect(usage?.range).toEqual({ startLineNumber: 1, endLineNumber: 1, startColumn: 3, endColumn: 9 });
    expect(complete(providers, other, 9)).toEqual([]);
  });

  it('reads the schema at each request (introspection replaces the bundled one) and forgets a disposed editor', () => {
    const { monaco, providers } = fakeMonaco(['graphql']);
    registerGraphQLProviders(monaco);
    const model = fakeModel('inmemory://swap', '{ o }');
    let schema = bundledSchema();
    const { editor, dispose } = fakeEditor(model);
    attachSchema(editor, () => schema);
    expect(complete(providers, model, 4).map(labelOf)).not.toContain('onlyLive');
    schema = buildSchema('type Query { onlyLive: Int }');
    expect(complete(providers, model, 4).map(labelOf)).toEqual(['onlyLive']);
    dispose();
    expect(complete(providers, model, 4)).toEqual([]);
  });

  it('hovers with the description as markdown', () => {
    const { monaco, providers } = fakeMonaco(['graphql']);
    registerGraphQLProviders(monaco);
    const model = fakeModel('inmemory://hover', '{ listEnvironments }');
    attachSchema(fakeEditor(model).editor, () => bundledSchema());
    const hover = providers.hover[0].provider.provideHover(model, { lineNumber: 1, column: 6 }) as {
      contents: Array<{ value: string }>;
    };
    expect(hover.contents[0].value).toContain('Fetches all the environments of an organization.');
  });

  it('formats a document keeping its comments', async () => {
    const { monaco, providers } = fakeMonaco(['graphql']);
    registerGraphQLProviders(monaco);
    const model = fakeModel('inmemory://format', '# keep me\nquery Q { listOrganizations { id   name } }');
    attachSchema(fakeEditor(model).editor, () => bundledSchema());
    const edits = (await providers.format[0].provider.provideDocumentFormattingEdits(model)) as Array<{ text: string }>;
    expect(edits[0].text).toBe('# keep me\nquery Q {\n  listOrganizations {\n    id\n    name\n  }\n}\n');
  });
});
