/** @jest-environment node */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { GoTemplateError, GoTemplateUnsupportedError, interpolateGoTemplate, TemplateData } from './goTemplate';
import { decodeJsonUseNumber } from './goValues';

// gotemplate-golden/: cases.json is the corpus, golden.json what Go's text/template renders for it
// (`go run . -write` there; its `go test` fails when golden.json is stale).
const dir = path.join(__dirname, 'gotemplate-golden');

interface Case {
  name: string;
  template: string;
  jsonData?: Record<string, unknown>;
  secureJsonData?: Record<string, string>;
}
interface Corpus {
  jsonData: Record<string, unknown>;
  secureJsonData: Record<string, string>;
  cases: Case[];
}
interface GoldenCase {
  name: string;
  template: string;
  output?: string;
  outputHex?: string;
  error?: boolean;
  goError?: string;
}

// Decoded as Grafana decodes jsonData, so numbers keep their literal text (json.Number).
const corpus = decodeJsonUseNumber(readFileSync(path.join(dir, 'cases.json'), 'utf8')) as unknown as Corpus;
const golden = (JSON.parse(readFileSync(path.join(dir, 'golden.json'), 'utf8')) as { cases: GoldenCase[] }).cases;

// Cases Go renders that the engine refuses (GoTemplateUnsupportedError) because it does not
// implement the construct. Keep this list exact: a new refusal, or a refusal that went away,
// fails the spec.
const EXPECTED_REFUSALS = new Set([
  'json-number-method', // json.Number's methods
  'root-dot', // `.` on its own
  'dot-in-or',
  'parenthesized', // parentheses
  'parenthesized-arg',
  'ident-chain-unreached', // a field of a function result
  'eq-json-number-string', // builtins other than or / and / not
  'ne-strings',
  'lt-ints',
  'len-list',
  'index-list',
  'index-map',
  'print',
  'printf',
  'println',
  'html',
  'js',
  'urlquery',
  'urlquery-piped',
  'slice',
  'if-else', // control structures
  'if-missing',
  'with',
  'range',
  'define-template',
  'variable', // variables
  'variable-root',
  'str-hex-invalid-utf8', // a string that is not UTF-8 cannot be a JS string
  'num-hex-float', // hexadecimal floating-point and imaginary literals
  'num-imaginary',
  'num-complex',
]);

function render(c: Case): string {
  const data: TemplateData = {
    JsonData: c.jsonData ?? corpus.jsonData,
    SecureJsonData: c.secureJsonData ?? corpus.secureJsonData,
  };
  return interpolateGoTemplate(c.template, data);
}

type Outcome = { output: string } | { refused: string } | { error: string };

function outcome(c: Case): Outcome {
  try {
    return { output: render(c) };
  } catch (err) {
    if (err instanceof GoTemplateUnsupportedError) {
      return { refused: err.message };
    }
    if (err instanceof GoTemplateError) {
      return { error: err.message };
    }
    throw err;
  }
}

describe('Go text/template golden corpus (gotemplate-golden/golden.json, rendered by real Go)', () => {
  it('golden.json matches cases.json case for case (regenerate with `go run . -write`)', () => {
    expect(golden.map((g) => [g.name, g.template])).toEqual(corpus.cases.map((c) => [c.name, c.template]));
    expect(corpus.cases.length).toBeGreaterThanOrEqual(60);
  });

  it('lists only corpus cases that Go renders as expected refusals', () => {
    const rendered = new Set(golden.filter((g) => !g.error).map((g) => g.name));
    expect([...EXPECTED_REFUSALS].filter((name) => !rendered.has(name))).toEqual([]);
  });

  const goldenByName = new Map(golden.map((g) => [g.name, g]));
  it.each(corpus.cases.map((c) => [c.name, c] as const))('%s', (name, c) => {
    const expected = goldenByName.get(name);
    const actual = outcome(c);
    if (expected === undefined) {
      throw new Error(`no golden entry for ${name}`);
    }
    if (expected.error) {
      // Go fails to parse or execute: the engine must throw too (refusing is throwing).
      expect(actual).not.toHaveProperty('output');
    } else if (EXPECTED_REFUSALS.has(name)) {
      expect(actual).toEqual({ refused: expect.stringContaining('outside the supported subset') });
    } else {
      expect(actual).toEqual({ output: expected.output });
    }
  });
});
