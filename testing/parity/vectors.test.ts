/** @jest-environment jsdom */
import fs from 'node:fs';
import path from 'node:path';

import { loadFrames } from './executedQuery';
import { runVector } from './runVector';
import type { Vector } from './vector';

const DIR = path.join(__dirname, '..', '..', 'catalog', 'vectors', 'queries');

function vectorFiles(): string[] {
  return fs
    .readdirSync(DIR)
    .flatMap((type) => fs.readdirSync(path.join(DIR, type)).map((f) => path.join(type, f)))
    .filter((f) => f.endsWith('.json'))
    .sort();
}

const files = vectorFiles();

describe('parity vectors: the browser runner', () => {
  it('has at least one vector per builder query type', () => {
    const types = new Set(files.map((f) => f.split(path.sep)[0]));
    const catalogTypes = fs
      .readdirSync(path.join(DIR, '..', '..', 'types'))
      .map((f) => f.replace(/\.json$/, ''))
      .filter((t) => t !== 'graphql');
    expect(catalogTypes.filter((t) => !types.has(t))).toEqual([]);
  });

  it.each(files)('%s', async (file) => {
    const v = JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')) as Vector;
    const run = await runVector(v);
    expect(run.transport.unknown).toEqual([]);
    if ('error' in v.expect) {
      expect(run.error).toBe(v.expect.error);
      expect(run.transport.asked).toHaveLength(v.exchanges.length);
      return;
    }
    expect(run.error).toBeUndefined();
    expect(run.frames).toEqual(loadFrames(v.expect.frames));
    // Every recorded exchange was asked for, and nothing else.
    expect(run.transport.asked).toHaveLength(v.exchanges.length);
  });
});
