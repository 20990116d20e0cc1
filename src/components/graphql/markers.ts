import type { GraphQLSchema } from 'graphql';
import type { Monaco, MonacoEditor, monacoTypes } from '@grafana/ui';

import { diagnosticsFor, type DiagnosticSeverity } from '../../graphql/ide/languageService';
import type { GraphQLProblem } from '../../graphql/validate';

const OWNER = 'choreo-graphql';

function severity(monaco: Monaco, s: DiagnosticSeverity): monacoTypes.MarkerSeverity {
  switch (s) {
    case 'error':
      return monaco.MarkerSeverity.Error;
    case 'warning':
      return monaco.MarkerSeverity.Warning;
    case 'info':
      return monaco.MarkerSeverity.Info;
    case 'hint':
      return monaco.MarkerSeverity.Hint;
  }
}

/**
 * Validation problems as squiggles in Monaco; the Alert below the editor remains the source of
 * truth. The language service's diagnostics give exact ranges (and warnings for deprecated
 * fields); the plugin's own rules (one query operation) are placed on the word they point at.
 */
export function setProblemMarkers(
  editor: MonacoEditor,
  monaco: Monaco,
  problems: GraphQLProblem[],
  schema: GraphQLSchema
) {
  const model = editor.getModel();
  if (!model) {
    return;
  }
  const text = model.getValue();
  const diagnostics = diagnosticsFor(schema, text);
  const covered = new Set(diagnostics.map((d) => d.message));
  const markers: monacoTypes.editor.IMarkerData[] = diagnostics.map((d) => ({
    ...d,
    severity: severity(monaco, d.severity),
  }));
  for (const p of problems) {
    if (covered.has(p.message) || !text.trim()) {
      continue;
    }
    const line = Math.min(p.line ?? 1, model.getLineCount());
    const column = p.column ?? 1;
    // Underline the word at the location, or at least one character.
    const word = model.getWordAtPosition({ lineNumber: line, column });
    markers.push({
      severity: monaco.MarkerSeverity.Error,
      message: p.message,
      startLineNumber: line,
      startColumn: column,
      endLineNumber: line,
      endColumn: word ? word.endColumn : column + 1,
    });
  }
  monaco.editor.setModelMarkers(model, OWNER, markers);
}
