/**
 * Height of a code editor that grows with its text between a minimum and a maximum number of
 * lines (Monaco scrolls beyond the maximum), as Grafana's own query fields do: a document or
 * variables JSON written by "Open as GraphQL" or a help example is visible without scrolling.
 */
export interface EditorLines {
  min: number;
  max: number;
}

/** Monaco's line height at Grafana's code font size (14 px). */
const LINE_HEIGHT_PX = 19;
/** The CodeEditor's top and bottom padding and its border. */
const CHROME_PX = 18;

export const QUERY_EDITOR_LINES: EditorLines = { min: 12, max: 30 };
export const VARIABLES_EDITOR_LINES: EditorLines = { min: 5, max: 20 };

export function editorHeight(text: string, lines: EditorLines): number {
  const count = text.split('\n').length;
  // A horizontal scrollbar can cover the last line: one spare line below the text.
  const shown = Math.min(Math.max(count + 1, lines.min), lines.max);
  return shown * LINE_HEIGHT_PX + CHROME_PX;
}
