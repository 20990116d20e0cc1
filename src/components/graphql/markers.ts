import type { Monaco, MonacoEditor } from '@grafana/ui';

import type { GraphQLProblem } from '../../graphql/validate';

const OWNER = 'choreo-graphql';

/** Shows validation problems as squiggles in Monaco; the Alert below the editor remains the source of truth. */
export function setProblemMarkers(editor: MonacoEditor, monaco: Monaco, problems: GraphQLProblem[]) {
  const model = editor.getModel();
  if (!model) {
    return;
  }
  monaco.editor.setModelMarkers(
    model,
    OWNER,
    problems.map((p) => {
      const line = p.line ?? 1;
      const column = p.column ?? 1;
      // Underline the word at the location, or at least one character.
      const word = model.getWordAtPosition({ lineNumber: line, column });
      return {
        severity: monaco.MarkerSeverity.Error,
        message: p.message,
        startLineNumber: line,
        startColumn: column,
        endLineNumber: line,
        endColumn: word ? word.endColumn : column + 1,
      };
    })
  );
}
