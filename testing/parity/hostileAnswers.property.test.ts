/** @jest-environment jsdom */
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';

import { common } from '../../src/catalog/catalog';
import { leafArb } from '../../src/testUtils/jsonArbitraries';
import { runVector } from './runVector';
import type { Vector } from './vector';

const DIR = path.join(__dirname, '..', '..', 'catalog', 'vectors', 'queries');
const SEED = 20261201;
const RUNS_PER_VECTOR = 25;

/** Texts of a JavaScript failure: what a user must never read in a panel. */
const JS_ERROR =
  /TypeError|ReferenceError|RangeError|is not a function|Cannot read prop|undefined is not|Maximum call stack|Unexpected error|\[object Object\]/;

function vectors(): Array<[string, Vector]> {
  return fs
    .readdirSync(DIR)
    .flatMap((type) => fs.readdirSync(path.join(DIR, type)).map((f) => path.join(type, f)))
    .map((f): [string, Vector] => [f, JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8')) as Vector])
    .filter(([, v]) => v.exchanges.length > 0);
}

/** Every position of an answer body: the body's own keys, then every nested key and index. */
function positions(body: unknown, limit = 4000): string[][] {
  const out: string[][] = [];
  const stack: Array<[unknown, string[]]> = [[body, []]];
  while (stack.length && out.length < limit) {
    const [v, at] = stack.pop()!;
    if (v === null || typeof v !== 'object') {
      continue;
    }
    for (const [k, child] of Object.entries(v)) {
      out.push([...at, k]);
      stack.push([child, [...at, k]]);
    }
  }
  return out;
}

function setAt(root: unknown, at: string[], value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(root)) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (const k of at.slice(0, -1)) {
    node = node[k] as Record<string, unknown>;
  }
  node[at[at.length - 1]] = value;
  return copy;
}

/** What an upstream in a bad mood puts anywhere: leaves, lists, objects, deep nesting. */
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: leafArb },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom({}, [], [null], [1, 'a'], { constructor: 1, __proto__: { x: 1 } }) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 100, max: 60_000 }).map((d) => JSON.parse('['.repeat(d) + ']'.repeat(d)) as unknown),
  }
);

describe('hostile answers at every position of every vector: never a JS error, requests bounded', () => {
  it.each(vectors())('%s', async (_file, v) => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), hostile, async (which, where, value) => {
        const exchanges = v.exchanges.map((e) => ({ ...e }));
        const ex = exchanges[which % exchanges.length];
        const spots = positions(ex.answer.body);
        const at = spots.length ? spots[where % spots.length] : ['data'];
        ex.answer = { body: setAt(ex.answer.body, at, value) as Vector['exchanges'][number]['answer']['body'] };
        const run = await runVector({ ...v, exchanges });
        const texts = [
          run.error ?? '',
          ...run.frames.flatMap((f) => ((f.meta.notices as Array<{ text: string }>) ?? []).map((n) => n.text)),
        ];
        expect(texts.filter((t) => JS_ERROR.test(t))).toEqual([]);
        // A lying answer (a page total, a page size) cannot make the panel ask for more than the
        // page budget and its lookups.
        expect(run.transport.asked.length).toBeLessThanOrEqual(v.exchanges.length + common.paging.maxPages);
      }),
      { seed: SEED, numRuns: RUNS_PER_VECTOR }
    );
  });
});
