/**
 * The GraphQL language service (graphql-language-service, the engine of GraphiQL and
 * monaco-graphql) over a schema, with editor-neutral positions: 1-based lines and columns as
 * Monaco and the validation messages use them. Completion covers fields, arguments, input
 * fields, enum values and the operation's declared variables; hover gives the schema's
 * descriptions; diagnostics give exact ranges for markers.
 */
import type { GraphQLSchema } from 'graphql';
import {
  getAutocompleteSuggestions,
  getDiagnostics,
  getHoverInformation,
  Position,
  type CompletionItem,
} from 'graphql-language-service';

export interface EditorPosition {
  /** 1-based */
  lineNumber: number;
  /** 1-based */
  column: number;
}

export interface EditorRange {
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

export interface Suggestion {
  label: string;
  /** graphql-language-service's (LSP) CompletionItemKind. */
  kind?: number;
  /** The type, e.g. `[APIUsageOverTime]`. */
  detail?: string;
  documentation?: string;
  insertText: string;
  /** insertText is a snippet (`$1` placeholders), e.g. an argument with an input object. */
  snippet: boolean;
  sortText?: string;
  filterText?: string;
  deprecated: boolean;
}

export type DiagnosticSeverity = 'error' | 'warning' | 'info' | 'hint';

export interface EditorDiagnostic extends EditorRange {
  message: string;
  severity: DiagnosticSeverity;
}

/** LSP InsertTextFormat.Snippet */
const SNIPPET = 2;

const toPosition = (p: EditorPosition) => new Position(p.lineNumber - 1, p.column - 1);

function toSuggestion(item: CompletionItem): Suggestion {
  const documentation = typeof item.documentation === 'string' ? item.documentation : undefined;
  return {
    label: item.label,
    kind: item.kind,
    detail: item.detail ?? item.labelDetails?.detail?.trim() ?? undefined,
    documentation: documentation || undefined,
    insertText: item.insertText ?? item.label,
    snippet: item.insertTextFormat === SNIPPET,
    sortText: item.sortText,
    filterText: item.filterText,
    deprecated: Boolean(item.isDeprecated),
  };
}

/** What can be typed at `position`; the editor filters them by the word being typed. */
export function suggestionsAt(schema: GraphQLSchema, text: string, position: EditorPosition): Suggestion[] {
  return getAutocompleteSuggestions(schema, text, toPosition(position)).map(toSuggestion);
}

/** Markdown documentation of the field, argument, type or enum value at `position`, if any. */
export function hoverAt(schema: GraphQLSchema, text: string, position: EditorPosition): string | undefined {
  const contents = getHoverInformation(schema, text, toPosition(position), undefined, { useMarkdown: true });
  const markdown = typeof contents === 'string' ? contents : '';
  return markdown.trim() ? markdown : undefined;
}

const SEVERITIES: Record<number, DiagnosticSeverity> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

/** Syntax and schema problems with their exact ranges (deprecated fields are warnings). */
export function diagnosticsFor(schema: GraphQLSchema, text: string): EditorDiagnostic[] {
  if (!text.trim()) {
    return [];
  }
  return getDiagnostics(text, schema).map((d) => ({
    message: typeof d.message === 'string' ? d.message : d.message.value,
    severity: SEVERITIES[d.severity ?? 1] ?? 'error',
    startLineNumber: d.range.start.line + 1,
    startColumn: d.range.start.character + 1,
    endLineNumber: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
  }));
}
