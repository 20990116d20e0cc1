import { dateTime } from '@grafana/data';
import type { VariableInterpolation } from '@grafana/runtime';

import { ALL_VALUE, TemplateSrvFake } from './templateSrv';

// Expected texts are Grafana's (formatRegistry.ts and the "Advanced variable format options"
// documentation), for the multi-value `servers` variable of that page's examples.
const srv = () =>
  new TemplateSrvFake([
    { name: 'servers', value: ['test1', 'test2'], text: ['Test 1', 'Test 2'], multi: true },
    { name: 'single', value: 'a.b (c)', text: 'Single text' },
    { name: 'env', value: 'env-prod', text: 'Production' },
    { name: 'quoted', value: ["it's", 'say "hi"'], multi: true },
    { name: 'all', value: [ALL_VALUE], options: ['a', 'b'], multi: true, includeAll: true },
    { name: 'allSingle', value: ALL_VALUE, options: ['a', 'b'], includeAll: true },
    { name: 'custom', value: [ALL_VALUE], allValue: '.*', options: ['a', 'b'], multi: true, includeAll: true },
    { name: 'customRef', value: ALL_VALUE, allValue: '$env-*', options: ['a'], includeAll: true },
    { name: 'none', value: [], multi: true },
  ]);

describe('TemplateSrvFake: formats', () => {
  it.each([
    ['${servers}', '{test1,test2}'],
    ['$servers', '{test1,test2}'],
    ['[[servers]]', '{test1,test2}'],
    ['${servers:glob}', '{test1,test2}'],
    ['${servers:csv}', 'test1,test2'],
    ['[[servers:csv]]', 'test1,test2'],
    ['${servers:pipe}', 'test1|test2'],
    ['${servers:raw}', 'test1,test2'],
    ['${servers:json}', '["test1","test2"]'],
    ['${servers:regex}', '(test1|test2)'],
    ['${servers:lucene}', '("test1" OR "test2")'],
    ['${servers:distributed}', 'test1,servers=test2'],
    ['${servers:singlequote}', "'test1','test2'"],
    ['${servers:doublequote}', '"test1","test2"'],
    ['${servers:sqlstring}', "'test1','test2'"],
    ['${servers:percentencode}', '%7Btest1%2Ctest2%7D'],
    ['${servers:queryparam}', 'var-servers=test1&var-servers=test2'],
    ['${servers:text}', 'Test 1 + Test 2'],
    ['${servers:join:;}', 'test1;test2'],
    ['${servers:nosuchformat}', '{test1,test2}'],
  ])('multi-value %s → %s', (target, expected) => {
    expect(srv().replace(target)).toBe(expected);
  });

  it.each([
    ['$single', 'a.b (c)'],
    ['${single:csv}', 'a.b (c)'],
    ['${single:json}', '"a.b (c)"'],
    ['${single:regex}', 'a\\.b \\(c\\)'],
    ['${single:lucene}', 'a.b\\ \\(c\\)'],
    ['${single:singlequote}', "'a.b (c)'"],
    ['${single:percentencode}', 'a.b%20%28c%29'],
    ['${single:queryparam}', 'var-single=a.b%20%28c%29'],
    ['${single:text}', 'Single text'],
  ])('single value %s → %s', (target, expected) => {
    expect(srv().replace(target)).toBe(expected);
  });

  it('escapes quotes as each quoting format does', () => {
    const s = srv();
    expect(s.replace('${quoted:singlequote}')).toBe("'it\\'s','say \"hi\"'");
    expect(s.replace('${quoted:doublequote}')).toBe('"it\'s","say \\"hi\\""');
    expect(s.replace('${quoted:sqlstring}')).toBe("'it''s','say \"hi\"'");
  });

  it('an empty multi-value selection is empty text (lucene: __empty__)', () => {
    const s = srv();
    expect(s.replace('[${none}]')).toBe('[]');
    expect(s.replace('${none:lucene}')).toBe('__empty__');
    expect(s.replace('${none:json}')).toBe('[]');
  });

  it('the format argument applies when the reference has none; its own wins', () => {
    const s = srv();
    expect(s.replace('$servers', undefined, 'pipe')).toBe('test1|test2');
    expect(s.replace('${servers:csv}', undefined, 'pipe')).toBe('test1,test2');
  });
});

describe('TemplateSrvFake: All', () => {
  it('expands to every option without a custom all value; its text is All', () => {
    const s = srv();
    expect(s.replace('$all')).toBe('{a,b}');
    expect(s.replace('${all:csv}')).toBe('a,b');
    expect(s.replace('${all:text}')).toBe('All');
    expect(s.replace('${allSingle:pipe}')).toBe('a|b');
  });

  it('uses a custom all value as written: not formatted, not given to a format function', () => {
    const s = srv();
    const fn = jest.fn(() => 'formatted');
    expect(s.replace('${custom:regex}')).toBe('.*');
    expect(s.replace('${custom:json}')).toBe('.*');
    expect(s.replace('$custom', undefined, fn)).toBe('.*');
    expect(fn).not.toHaveBeenCalled();
  });

  it('formats a custom all value only with text and percentencode', () => {
    const s = srv();
    expect(s.replace('${custom:text}')).toBe('All');
    expect(s.replace('${custom:percentencode}')).toBe('.%2A');
  });

  it('interpolates variables inside a custom all value', () => {
    expect(srv().replace('$customRef')).toBe('env-prod-*');
  });

  it('gives All to a format function as the list of options', () => {
    const fn = jest.fn((v: unknown) => JSON.stringify(v));
    expect(srv().replace('$all', undefined, fn)).toBe('["a","b"]');
  });
});

describe('TemplateSrvFake: scoped variables, format functions, unknown references', () => {
  it('prefers scoped variables; a null scoped value falls back to the dashboard variable', () => {
    const s = srv();
    expect(s.replace('$env', { env: { text: 'Scoped', value: 'env-scoped' } })).toBe('env-scoped');
    expect(s.replace('${env:text}', { env: { text: 'Scoped', value: 'env-scoped' } })).toBe('Scoped');
    expect(s.replace('$env', { env: { text: '', value: null } })).toBe('env-prod');
    expect(s.replace('$only', { only: { text: 'x', value: ['p', 'q'] } })).toBe('{p,q}');
  });

  it('reads field paths of scoped values', () => {
    const scoped = { row: { text: 'row', value: { name: 'Orders', tags: ['a', 'b'] } } };
    const s = srv();
    expect(s.replace('${row.name}', scoped)).toBe('Orders');
    expect(s.replace('${row.tags[1]}', scoped)).toBe('b');
    expect(s.replace('${env.text}')).toBe('Production');
  });

  it('calls a format function with the selection itself, the variable and the formatter', () => {
    const calls: unknown[][] = [];
    const fn = (value: unknown, variable: unknown, formatter: unknown) => {
      calls.push([value, variable, typeof formatter]);
      return Array.isArray(value) ? value.join('\u001f') : String(value);
    };
    const s = srv();
    expect(s.replace('$servers and $env', undefined, fn)).toBe('test1\u001ftest2 and env-prod');
    expect(calls).toEqual([
      [['test1', 'test2'], { name: 'servers', type: 'custom', multi: true, includeAll: false }, 'function'],
      ['env-prod', { name: 'env', type: 'custom', multi: false, includeAll: false }, 'function'],
    ]);
    expect(s.replace('$none', undefined, fn)).toBe('');
  });

  it('keeps references to undefined variables as written', () => {
    const s = srv();
    expect(s.replace('$nope ${nope} ${nope:csv} [[nope]] ${nope.field}')).toBe(
      '$nope ${nope} ${nope:csv} [[nope]] ${nope.field}'
    );
    expect(s.replace('$nope', undefined, () => 'called')).toBe('$nope');
    expect(s.replace('')).toBe('');
    expect(s.replace(undefined)).toBe('');
  });

  it('reports what it interpolated', () => {
    const interpolations: VariableInterpolation[] = [];
    srv().replace('${env:csv} $nope', undefined, undefined, interpolations);
    expect(interpolations).toEqual([
      { match: '${env:csv}', variableName: 'env', fieldPath: undefined, format: 'csv', value: 'env-prod', found: true },
      { match: '$nope', variableName: 'nope', fieldPath: undefined, format: undefined, value: '$nope', found: false },
    ]);
  });
});

describe('TemplateSrvFake: time range, variables, containsTemplate', () => {
  it('fills $__from and $__to from the time range, with date formats', () => {
    const s = srv();
    expect(s.replace('$__from')).toBe('$__from');
    const from = Date.UTC(2026, 10, 24, 0, 0, 0, 500);
    const to = Date.UTC(2026, 10, 25);
    s.updateTimeRange({ from: dateTime(from), to: dateTime(to), raw: { from: 'now-1d', to: 'now' } });
    expect(s.replace('$__from-$__to')).toBe(`${from}-${to}`);
    expect(s.replace('${__from:date:ms}')).toBe(String(from));
    expect(s.replace('${__from:date:seconds}')).toBe(String(Math.round(from / 1000)));
    expect(s.replace('${__from:date:iso}')).toBe('2026-11-24T00:00:00.500Z');
    expect(s.replace('${__to:date}')).toBe('2026-11-25T00:00:00.000Z');
  });

  it('lists variables with their current selection, options and flags', () => {
    const vars = srv().getVariables();
    expect(vars.map((v) => v.name)).toEqual([
      'servers',
      'single',
      'env',
      'quoted',
      'all',
      'allSingle',
      'custom',
      'customRef',
      'none',
    ]);
    expect(vars[0]).toMatchObject({
      name: 'servers',
      type: 'custom',
      multi: true,
      includeAll: false,
      current: { value: ['test1', 'test2'], text: ['Test 1', 'Test 2'] },
    });
    expect(vars[6]).toMatchObject({
      multi: true,
      includeAll: true,
      allValue: '.*',
      current: { value: [ALL_VALUE] },
      options: [
        { value: 'a', text: 'a', selected: false },
        { value: 'b', text: 'b', selected: false },
      ],
    });
  });

  it('builds from a name → selection record, and set() changes a selection', () => {
    const s = new TemplateSrvFake({ env: 'e1', apis: ['x', 'y'] });
    expect(s.replace('$env ${apis:csv}')).toBe('e1 x,y');
    s.set('env', 'e2').set('apis', ALL_VALUE, { options: ['x', 'y', 'z'] });
    expect(s.replace('$env ${apis:csv}')).toBe('e2 x,y,z');
  });

  it('containsTemplate: true when the first reference names a defined variable', () => {
    const s = srv();
    expect(s.containsTemplate('$env')).toBe(true);
    expect(s.containsTemplate('id-${env:csv}')).toBe(true);
    expect(s.containsTemplate('[[servers]]')).toBe(true);
    expect(s.containsTemplate('$nope')).toBe(false);
    expect(s.containsTemplate('no reference')).toBe(false);
    expect(s.containsTemplate(undefined)).toBe(false);
  });

  it('keeps ad-hoc filters', () => {
    const s = srv().setAdhocFilters([{ key: 'api', operator: '=', value: 'Orders' }]);
    expect(s.getAdhocFilters()).toEqual([{ key: 'api', operator: '=', value: 'Orders' }]);
  });
});
