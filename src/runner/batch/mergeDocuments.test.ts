import { parse } from 'graphql';

import { document } from '../../catalog/catalog';
import { DocumentMerger } from './documentMerger';
import { mergeDocuments, mergeVariables, type MergedDocument } from './mergeDocuments';
import { onlyErrors, splitResponse } from './splitResponse';

const API_USAGE_DOC = document('ApiUsage.graphql');
const REQUEST_SUMMARY_DOC = document('RequestSummary.graphql');

function merged(docs: string[]): MergedDocument {
  const m = mergeDocuments(docs);
  if ('unmergeable' in m) {
    throw new Error(m.unmergeable);
  }
  return m;
}

describe('mergeDocuments', () => {
  it('prefixes every top-level response key and variable per member, in one query', () => {
    const m = merged([REQUEST_SUMMARY_DOC, API_USAGE_DOC]);
    const doc = parse(m.document);
    expect(doc.definitions).toHaveLength(1);
    expect(m.operationName).toBe('Batch_RequestSummary_ApiUsage');
    expect([...m.aliases.entries()]).toEqual([
      ['t0_success', { member: 0, key: 'success' }],
      ['t0_errors', { member: 0, key: 'errors' }],
      ['t0_latency', { member: 0, key: 'latency' }],
      ['t1_getAPIUsageOverTime', { member: 1, key: 'getAPIUsageOverTime' }],
    ]);
    expect(m.document).toContain(
      'query Batch_RequestSummary_ApiUsage($t0_timeFilter:TimeFilter!$t0_dataFilter:DataFilter!'
    );
    expect(m.document).toContain('$t1_filter:APIUsageOverTimeFilter)');
    expect(m.document).toContain(
      't1_getAPIUsageOverTime:getAPIUsageOverTime(timeFilter:$t1_timeFilter apiUsageOvertimeFilter:$t1_filter dataFilter:$t1_dataFilter)'
    );
    // No unprefixed variable is left anywhere.
    expect(m.document).not.toMatch(/\$(?!t\d+_)\w/);
  });

  it('merges the variables under the prefixed names, dropping undeclared ones', () => {
    const m = merged(['query A($x: Int) { a(x: $x) }', 'query B($x: Int) { b: a(x: $x) }']);
    expect(mergeVariables(m, [{ x: 1, stray: 2 }, { x: 3 }])).toEqual({ t0_x: 1, t1_x: 3 });
    expect(m.document).toContain('t1_b:a(x:$t1_x)');
  });

  it.each([
    ['fragments', 'query A { ...F } fragment F on Query { a }'],
    ['several operations', 'query A { a } query B { b }'],
    ['a mutation', 'mutation M { m }'],
    ['top-level inline fragments', 'query A { ... on Query { a } }'],
    ['operation directives', 'query A @cached { a }'],
    ['a syntax error', 'query A { a'],
  ])('refuses %s (sent alone instead)', (_what, doc) => {
    expect(mergeDocuments(['query Ok { a }', doc])).toHaveProperty('unmergeable');
  });
});

describe('DocumentMerger', () => {
  it('caches merges by the ordered set of documents', () => {
    const merger = new DocumentMerger();
    const a = merger.merge([REQUEST_SUMMARY_DOC, API_USAGE_DOC]);
    expect(merger.merge([REQUEST_SUMMARY_DOC, API_USAGE_DOC])).toBe(a);
    expect(merger.misses).toBe(1);
    expect(merger.merge([API_USAGE_DOC, REQUEST_SUMMARY_DOC])).not.toBe(a);
    expect(merger.misses).toBe(2);
  });

  it('evicts the oldest entry when full', () => {
    const merger = new DocumentMerger(2);
    const first = merger.merge(['{ a }', '{ b }']);
    merger.merge(['{ a }', '{ c }']);
    merger.merge(['{ a }', '{ d }']);
    expect(merger.merge(['{ a }', '{ b }'])).not.toBe(first);
    expect(merger.misses).toBe(4);
  });
});

describe('splitResponse', () => {
  const m = merged(['query A { a b }', 'query B { x: c }']);

  it('gives each member its own keys and the errors under its fields, paths rewritten', () => {
    const [a, b] = splitResponse(m, 2, { t0_a: 1, t0_b: null, t1_x: [1] }, [
      { message: 'b failed', path: ['t0_b', 0, 'v'] },
    ]);
    expect(a).toEqual({ data: { a: 1, b: null }, errors: [{ message: 'b failed', path: ['b', 0, 'v'] }] });
    expect(b).toEqual({ data: { x: [1] }, errors: [] });
    expect(onlyErrors(a)).toBe(false);
  });

  it('an error on a member whose fields are all null fails that member only', () => {
    const [a, b] = splitResponse(m, 2, { t0_a: 1, t0_b: 2, t1_x: null }, [{ message: 'boom', path: ['t1_x'] }]);
    expect(onlyErrors(a)).toBe(false);
    expect(onlyErrors(b)).toBe(true);
  });

  it('an error without a member path concerns every member', () => {
    const results = splitResponse(m, 2, { t0_a: 1, t0_b: 2, t1_x: 3 }, [{ message: 'slow' }]);
    expect(results.map((r) => r.errors)).toEqual([[{ message: 'slow' }], [{ message: 'slow' }]]);
  });
});
