/** @jest-environment node */
import Ajv from 'ajv';
import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, validate, type OperationDefinitionNode } from 'graphql';

import { bundledSchema } from '../graphql/bundledSchema';
import { QueryType } from '../types';
import { common, document, entries, entryFor, operationName, resolveDefinition } from './catalog';
import { evaluate } from './expressions';
import { DOCUMENTS, TYPE_FILES } from './files';
import type { Expr } from './format';

const ROOT = path.join(__dirname, '..', '..', 'catalog');
const files = (dir: string) => fs.readdirSync(path.join(ROOT, dir)).sort();

function walk(e: unknown, visit: (o: Record<string, unknown>) => void): void {
  if (Array.isArray(e)) {
    e.forEach((x) => walk(x, visit));
  } else if (e && typeof e === 'object') {
    visit(e as Record<string, unknown>);
    Object.values(e).forEach((x) => walk(x, visit));
  }
}

/** Every case of a type: the type itself, or each of its variants. */
function definitions() {
  return entries()
    .filter((e) => !e.raw)
    .flatMap((e) =>
      e.variants
        ? Object.keys(e.variants.cases).map((k) => ({ e, key: k, def: resolveDefinition(e, k) }))
        : [{ e, key: '', def: resolveDefinition(e, undefined) }]
    );
}

const FULL_CONTEXT = {
  timeFilter: { from: '2026-11-24T00:00:00.000Z', to: '2026-11-25T00:00:00.000Z' },
  dataFilter: { orgId: 'o', tenant: 't', environmentId: 'e' },
  orgId: 'o',
  tenant: 't',
  environmentId: 'e',
  projectId: 'p',
  granularity: '1h',
  apiIds: ['a'],
  apiId: 'a',
  appIds: ['b'],
  appId: 'b',
  page: { offset: 0, limit: 10 },
  options: new Proxy(
    {},
    {
      get: () => 'x',
      has: () => true,
      getOwnPropertyDescriptor: () => ({ configurable: true, enumerable: true, value: 'x' }),
    }
  ),
};

describe('the catalog files', () => {
  it('every type file follows catalog.schema.json', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const check = ajv.compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'catalog.schema.json'), 'utf8')));
    for (const f of files('types')) {
      const ok = check(JSON.parse(fs.readFileSync(path.join(ROOT, 'types', f), 'utf8')));
      expect({ file: f, errors: ok ? [] : check.errors }).toEqual({ file: f, errors: [] });
    }
  });

  it('src/catalog/files.ts imports every type and document, and nothing else', () => {
    expect(TYPE_FILES.map((t) => `${t.type}.json`).sort()).toEqual(files('types'));
    expect(Object.keys(DOCUMENTS).sort()).toEqual(files('documents'));
  });

  it('QueryType names exactly the catalog types', () => {
    expect(Object.values(QueryType).sort()).toEqual(
      entries()
        .map((e) => e.type)
        .sort()
    );
  });

  it('pages and the default type exist', () => {
    expect(entries().filter((e) => !common.pages.includes(e.page))).toEqual([]);
    expect(entryFor(common.defaultType)).toBeDefined();
  });
});

describe('documents', () => {
  const schema = bundledSchema();
  it.each(files('documents'))('%s is one named query, valid against the Insights schema', (file) => {
    const doc = parse(document(file));
    expect(validate(schema, doc).map((e) => e.message)).toEqual([]);
    expect(doc.definitions).toHaveLength(1);
    expect(operationName(document(file))).toBe(file.replace(/\.graphql$/, ''));
  });

  it('every document is used by a query type, and each operation name once', () => {
    const used = new Set(definitions().map(({ def }) => def.request?.document));
    expect(files('documents').filter((f) => !used.has(f))).toEqual([]);
  });
});

describe('each query type (and variant)', () => {
  it.each(definitions().map((d) => [`${d.e.type}${d.key ? `/${d.key}` : ''}`, d] as const))(
    '%s',
    (_name, { e, def }) => {
      expect(def.request).toBeDefined();
      expect(def.frames).toBeDefined();
      // Variants cover every value of their option.
      if (e.variants) {
        const o = e.options.find((x) => x.name === e.variants!.option);
        expect((o?.values ?? []).map((v) => v.value).sort()).toEqual(Object.keys(e.variants.cases).sort());
      }
      // Whatever the frames name by id needs the API names lookup.
      let usesNames = false;
      walk(def.frames, (o) => (usesNames ||= '$apiName' in o || '$apiId' in o));
      expect(usesNames).toBe(def.lookups?.includes('apiNames') ?? false);
      // Options the expressions read exist.
      const names = new Set(e.options.map((o) => o.name));
      const refs: string[] = [];
      walk([def.request?.variables, def.frames, def.notices], (o) => {
        for (const k of ['$', '$if']) {
          if (typeof o[k] === 'string' && /^(options|attrs)\./.test(o[k] as string)) {
            refs.push((o[k] as string).split('.')[1]);
          }
        }
      });
      expect(refs.filter((r) => !names.has(r))).toEqual([]);
      // Every non-null variable the document declares is given.
      const op = parse(document(def.request!.document)).definitions[0] as OperationDefinitionNode;
      const required = (op.variableDefinitions ?? [])
        .filter((v) => v.type.kind === Kind.NON_NULL_TYPE && !v.defaultValue)
        .map((v) => v.variable.name.value);
      const built = evaluate(def.request!.variables as Expr, FULL_CONTEXT) as Record<string, unknown>;
      expect(required.filter((v) => built[v] === undefined)).toEqual([]);
    }
  );

  it('an option name means the same saved field in every type', () => {
    const paths = new Map<string, Set<string>>();
    for (const e of entries()) {
      for (const o of e.options) {
        const set = paths.get(o.name) ?? new Set<string>();
        set.add(o.path ?? o.name);
        paths.set(o.name, set);
      }
    }
    expect([...paths].filter(([, p]) => p.size > 1)).toEqual([]);
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
