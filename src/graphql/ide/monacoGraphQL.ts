/**
 * graphql-language-service as Monaco providers (completion, hover, formatting) for the GraphQL
 * language id. Monaco's providers are global to a Monaco instance and language, and Grafana has
 * one Monaco for every editor on the page, so they are registered once per instance, and each
 * request looks up the schema of the editor whose model it is for: editors of two data sources
 * each complete against their own schema, and a GraphQL editor of another plugin gets nothing.
 */
import type { GraphQLSchema } from 'graphql';
import type { Monaco, MonacoEditor, monacoTypes } from '@grafana/ui';

import { hoverAt, suggestionsAt, type Suggestion } from './languageService';
import { prettifyGraphQL } from './prettify';

export const GRAPHQL_LANGUAGE_ID = 'graphql';

type SchemaGetter = () => GraphQLSchema;

const registered = new WeakSet<object>();
/** Model URI → the schema of the editor's data source. */
const schemas = new Map<string, SchemaGetter>();

/** LSP CompletionItemKind (what the language service returns) → Monaco's. */
function completionKind(monaco: Monaco, kind: number | undefined): monacoTypes.languages.CompletionItemKind {
  const K = monaco.languages.CompletionItemKind;
  const byLspKind: Record<number, monacoTypes.languages.CompletionItemKind> = {
    1: K.Text,
    2: K.Method,
    3: K.Function,
    4: K.Constructor,
    5: K.Field,
    6: K.Variable,
    7: K.Class,
    8: K.Interface,
    9: K.Module,
    10: K.Property,
    11: K.Unit,
    12: K.Value,
    13: K.Enum,
    14: K.Keyword,
    15: K.Snippet,
    16: K.Color,
    17: K.File,
    18: K.Reference,
    19: K.Folder,
    20: K.EnumMember,
    21: K.Constant,
    22: K.Struct,
    23: K.Event,
    24: K.Operator,
    25: K.TypeParameter,
  };
  return (kind !== undefined && byLspKind[kind]) || K.Text;
}

function toCompletion(monaco: Monaco, s: Suggestion, range: monacoTypes.IRange): monacoTypes.languages.CompletionItem {
  return {
    label: s.detail ? { label: s.label, detail: ` ${s.detail}` } : s.label,
    kind: completionKind(monaco, s.kind),
    detail: s.detail,
    documentation: s.documentation ? { value: s.documentation } : undefined,
    insertText: s.insertText,
    insertTextRules: s.snippet ? monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet : undefined,
    sortText: s.sortText,
    filterText: s.filterText,
    tags: s.deprecated ? [monaco.languages.CompletionItemTag.Deprecated] : undefined,
    range,
  };
}

/** Registers the providers on this Monaco instance, once. Safe to call before every mount. */
export function registerGraphQLProviders(monaco: Monaco): void {
  if (registered.has(monaco)) {
    return;
  }
  registered.add(monaco);
  if (!monaco.languages.getLanguages().some((l) => l.id === GRAPHQL_LANGUAGE_ID)) {
    monaco.languages.register({ id: GRAPHQL_LANGUAGE_ID, extensions: ['.graphql', '.gql'] });
  }

  monaco.languages.registerCompletionItemProvider(GRAPHQL_LANGUAGE_ID, {
    triggerCharacters: ['$', '(', ':', ' ', '{', '@'],
    provideCompletionItems(model, position) {
      const schema = schemas.get(model.uri.toString());
      if (!schema) {
        return { suggestions: [] };
      }
      const word = model.getWordUntilPosition(position);
      const range = {
        startLineNumber: position.lineNumber,
        endLineNumber: position.lineNumber,
        startColumn: word.startColumn,
        endColumn: word.endColumn,
      };
      const suggestions = suggestionsAt(schema(), model.getValue(), position).map((s) =>
        toCompletion(monaco, s, range)
      );
      return { suggestions };
    },
  });

  monaco.languages.registerHoverProvider(GRAPHQL_LANGUAGE_ID, {
    provideHover(model, position) {
      const schema = schemas.get(model.uri.toString());
      const word = model.getWordAtPosition(position);
      if (!schema || !word) {
        return null;
      }
      const markdown = hoverAt(schema(), model.getValue(), position);
      if (!markdown) {
        return null;
      }
      return {
        contents: [{ value: markdown }],
        range: new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn),
      };
    },
  });

  monaco.languages.registerDocumentFormattingEditProvider(GRAPHQL_LANGUAGE_ID, {
    async provideDocumentFormattingEdits(model) {
      if (!schemas.has(model.uri.toString())) {
        return [];
      }
      try {
        return [{ range: model.getFullModelRange(), text: await prettifyGraphQL(model.getValue()) }];
      } catch {
        // A document that does not parse is left as it is; the markers say why.
        return [];
      }
    },
  });
}

/**
 * Makes the providers answer this editor with its data source's schema (read at each request,
 * so the introspected schema replaces the bundled one as soon as it arrives). Returns the undo.
 */
export function attachSchema(editor: MonacoEditor, schema: SchemaGetter): () => void {
  const model = editor.getModel();
  if (!model) {
    return () => undefined;
  }
  const uri = model.uri.toString();
  schemas.set(uri, schema);
  const detach = () => {
    if (schemas.get(uri) === schema) {
      schemas.delete(uri);
    }
  };
  const disposable = editor.onDidDispose(detach);
  return () => {
    disposable.dispose();
    detach();
  };
}
