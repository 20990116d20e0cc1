import fs from 'node:fs';
import path from 'node:path';

import { parse, validate, type OperationDefinitionNode } from 'graphql';

import { bundledSchema } from '../graphql/bundledSchema';
import { QueryType } from '../types';
import { common, document, entries, entryFor, operationName, resolveDefinition } from './catalog';
import { DOCUMENTS, TYPE_FILES } from './files';
import type { RequestSpec } from './format';

const CATALOG = path.join(__dirname, '..', '..', 'catalog');
const listed = (dir: string, ext: string) =>
  fs
    .readdirSync(path.join(CATALOG, dir))
    .filter((f) => f.endsWith(ext))
    .sort();

/** Every request spec of a type: its own and each variant's. */
function requests(type: string): RequestSpec[] {
  const entry = entryFor(type)!;
  const cases = entry.variants ? Object.keys(entry.variants.cases) : [undefined];
  return cases.flatMap((c) => {
    const spec = resolveDefinition(entry, c).request;
    return spec ? [spec] : [];
  });
}

describe('catalog files', () => {
  it('src/catalog/files.ts imports every type file and every document, and nothing else', () => {
    expect(TYPE_FILES.map((t) => `${t.type}.json`).sort()).toEqual(listed('types', '.json'));
    expect(Object.keys(DOCUMENTS).sort()).toEqual(listed('documents', '.graphql'));
    for (const [file, text] of Object.entries(DOCUMENTS)) {
      expect(text).toBe(fs.readFileSync(path.join(CATALOG, 'documents', file), 'utf8'));
    }
  });

  it('has one entry per QueryType', () => {
    expect(
      entries()
        .map((e) => e.type)
        .sort()
    ).toEqual(Object.values(QueryType).sort());
    expect(
      entries()
        .filter((e) => e.raw)
        .map((e) => e.type)
    ).toEqual([QueryType.GraphQL]);
  });

  it('puts every type on a console page of common.json', () => {
    for (const e of entries()) {
      expect(common.pages).toContain(e.page);
    }
  });

  it('names each document file by the operation it declares', () => {
    for (const file of Object.keys(DOCUMENTS)) {
      expect(`${operationName(document(file))}.graphql`).toBe(file);
    }
  });

  it('every document is one query valid against the bundled Insights schema', () => {
    const schema = bundledSchema();
    const problems: string[] = [];
    for (const [file, text] of Object.entries(DOCUMENTS)) {
      const doc = parse(text);
      const ops = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
      if (ops.length !== 1 || ops[0].operation !== 'query') {
        problems.push(`${file}: not one query`);
      }
      problems.push(...validate(schema, doc).map((e) => `${file}: ${e.message}`));
    }
    expect(problems).toEqual([]);
  });

  it('every request of every type and variant names an existing document; every document is used', () => {
    const used = new Set<string>();
    for (const e of entries().filter((x) => !x.raw)) {
      const specs = requests(e.type);
      expect(specs.length).toBeGreaterThan(0);
      for (const spec of specs) {
        expect(() => document(spec.document)).not.toThrow();
        used.add(spec.document);
      }
    }
    expect([...used].sort()).toEqual(Object.keys(DOCUMENTS).sort());
  });

  it('gives every option a label and a selector unique within its type', () => {
    for (const e of entries()) {
      const selectors = e.options.map((o) => o.selector);
      expect(new Set(selectors).size).toBe(selectors.length);
      for (const o of e.options) {
        expect(o.label.trim()).not.toBe('');
        expect(o.selector).toMatch(/^[a-z][a-z0-9-]*$/);
      }
    }
  });

  it('resolves an unknown or inherited type name to nothing', () => {
    expect(entryFor('nope')).toBeUndefined();
    expect(entryFor('constructor')).toBeUndefined();
    expect(entryFor('__proto__')).toBeUndefined();
    expect(() => document('constructor')).toThrow('catalog: document "constructor" does not exist');
  });
});
