import { bundledSchema } from '../bundledSchema';
import { diagnosticsFor, hoverAt, suggestionsAt, type EditorPosition } from './languageService';

const schema = bundledSchema();

/** The position of `|` in the text, and the text without it. */
function cursor(marked: string): { text: string; position: EditorPosition } {
  const offset = marked.indexOf('|');
  const before = marked.slice(0, offset).split('\n');
  return {
    text: marked.replace('|', ''),
    position: { lineNumber: before.length, column: before[before.length - 1].length + 1 },
  };
}

function labels(marked: string): string[] {
  const { text, position } = cursor(marked);
  return suggestionsAt(schema, text, position).map((s) => s.label);
}

describe('GraphQL language service over the Insights schema', () => {
  it('completes root fields with their type and description', () => {
    const { text, position } = cursor('{ getAPI| }');
    const usage = suggestionsAt(schema, text, position).find((s) => s.label === 'getAPIUsageOverTime');
    expect(usage).toMatchObject({ detail: '[APIUsageOverTime]', snippet: false });
    expect(usage?.documentation).toMatch(/^Returns a list of details related to the usage of each API over time/);
  });

  it('completes the fields of the selected type', () => {
    expect(labels('{ getAPIUsageOverTime(timeFilter: $t, dataFilter: $d) { | } }')).toEqual(
      expect.arrayContaining(['apiId', 'usage', 'granularity'])
    );
  });

  it('completes arguments, as snippets that open an input object', () => {
    const { text, position } = cursor('{ getAPIUsageOverTime(|) }');
    const args = suggestionsAt(schema, text, position);
    expect(args.map((a) => a.label)).toEqual(['timeFilter', 'apiUsageOvertimeFilter', 'dataFilter']);
    expect(args[0]).toMatchObject({ snippet: true, insertText: expect.stringContaining('timeFilter:') });
  });

  it('completes input object fields with their documentation', () => {
    const { text, position } = cursor('{ getAPIUsageOverTime(timeFilter: { | }) }');
    const fields = suggestionsAt(schema, text, position);
    expect(fields.map((f) => f.label)).toEqual(['from', 'to']);
    expect(fields[0].documentation).toMatch(/start date of the time range/);
  });

  it('completes enum values', () => {
    expect(labels('{ getErrorsByStatusCode(errorCountByStatusCodeFilter: { errorType: | }) }')).toEqual([
      'PROXY',
      'TARGET',
    ]);
  });

  it('completes the variables the operation declares', () => {
    expect(
      labels('query Q($tf: TimeFilter!, $df: DataFilter!) { getAPIUsageOverTime(timeFilter: $|, dataFilter: $df) }')
    ).toEqual(expect.arrayContaining(['$tf']));
  });

  it('hovers a field with its signature and description (markdown)', () => {
    const { text, position } = cursor('{ getAPIUsage|OverTime }');
    const hover = hoverAt(schema, text, position);
    expect(hover).toContain('Query.getAPIUsageOverTime: [APIUsageOverTime]');
    expect(hover).toContain('for each time granularity within the specified time range');
  });

  it('hovers nothing on whitespace', () => {
    const { text, position } = cursor('{ getAPIUsageOverTime }   |');
    expect(hoverAt(schema, text, position)).toBeUndefined();
  });

  it('gives each problem its exact range', () => {
    const [unknown] = diagnosticsFor(schema, '{\n  listOrganizations { idd }\n}');
    expect(unknown).toMatchObject({
      message: 'Cannot query field "idd" on type "Organization". Did you mean "id"?',
      severity: 'error',
      startLineNumber: 2,
      startColumn: 23,
      endLineNumber: 2,
    });
    // At least the whole name is underlined.
    expect(unknown.endColumn).toBeGreaterThanOrEqual(26);
    expect(diagnosticsFor(schema, '{ listOrganizations { id ')[0]).toMatchObject({
      message: 'Syntax Error: Expected Name, found <EOF>.',
      startLineNumber: 1,
    });
    expect(diagnosticsFor(schema, '  ')).toEqual([]);
  });
});
