/** @jest-environment node */
import { entryFor, type CatalogEntry } from './catalog';
import type { OptionDef } from './format';
import { firstProblem, normalizeOptions } from './options';

function entry(type: string): CatalogEntry {
  const e = entryFor(type);
  if (!e) {
    throw new Error(`no catalog entry ${type}`);
  }
  return e;
}

/** A hand-built type with these options (the rest taken from a real entry). */
function withOptions(...options: OptionDef[]): CatalogEntry {
  return { ...entry('apiUsage'), options };
}

const base = { selector: 'x', widget: 'select' as const };

const colour: OptionDef = {
  ...base,
  name: 'colour',
  type: 'enum',
  label: 'Colour',
  values: [
    { value: 'red', label: 'Red', attrs: { hex: '#f00', unit: 'short' } },
    { value: 'blue', label: 'Blue' },
  ],
};

const tags: OptionDef = {
  ...base,
  name: 'tags',
  type: 'enumList',
  label: 'Tags',
  minItems: 2,
  maxItems: 3,
  values: [
    { value: 'a', label: 'A' },
    { value: 'b', label: 'B' },
    { value: 'c', label: 'C' },
    { value: 'd', label: 'D' },
  ],
};

const words: OptionDef = { ...base, name: 'words', type: 'stringList', label: 'Words', minItems: 1, maxItems: 2 };

const size: OptionDef = { ...base, name: 'size', type: 'integer', label: 'Size', min: 2, max: 9 };

const errorDetails = entry('errorDetails');
const customReport = entry('customReport');

describe('enum', () => {
  it('reads a known value, trimmed, numbers as text', () => {
    expect(normalizeOptions(errorDetails, { sortOrder: ' asc ' }).values.sortOrder).toBe('asc');
    const numbered = withOptions({ ...colour, values: [{ value: '5', label: 'Five' }] });
    expect(normalizeOptions(numbered, { colour: 5 }).values).toEqual({ colour: '5' });
  });

  it('refuses an unknown value with optionUnknown: noun, value, choices', () => {
    const r = normalizeOptions(errorDetails, { sortOrder: 'up' });
    expect(r.problems).toEqual({ sortOrder: 'Unknown sort order "up": choose desc, asc.' });
    expect(r.values.sortOrder).toBeUndefined();
    expect(normalizeOptions(customReport, { customReport: { mode: 5 } }).problems.mode).toBe(
      'Unknown custom report mode "5": choose overTime, topOverTime.'
    );
  });

  it('names the value as JSON when it is not text, and uses the label without a noun', () => {
    const e = withOptions(colour);
    expect(normalizeOptions(e, { colour: { a: 1 } }).problems.colour).toBe(
      'Unknown Colour "{"a":1}": choose red, blue.'
    );
    expect(normalizeOptions(e, { colour: ['red'] }).problems.colour).toBe(
      'Unknown Colour "["red"]": choose red, blue.'
    );
    expect(normalizeOptions(e, { colour: true }).problems.colour).toBe('Unknown Colour "true": choose red, blue.');
  });

  it('takes any text with allowCustom', () => {
    const e = withOptions({ ...colour, allowCustom: true });
    expect(normalizeOptions(e, { colour: 'green' })).toEqual({
      values: { colour: 'green' },
      attrs: {},
      problems: {},
      notices: [],
    });
  });

  it.each<[string, unknown]>([
    ['absent', undefined],
    ['null', null],
    ['""', ''],
    ['only spaces', '   '],
  ])('treats %s as not set: the default', (_, value) => {
    const r = normalizeOptions(errorDetails, { sortOrder: value });
    expect(r.problems).toEqual({});
    expect(r.values.sortOrder).toBe('desc');
  });

  it("gives the chosen value's attrs, also for a default", () => {
    expect(normalizeOptions(customReport, { customReport: { metric: 'TOTAL_LATENCY' } }).attrs).toEqual({
      metric: { name: 'Total latency', unit: 'ms', fill: 'null' },
    });
    expect(normalizeOptions(customReport, {}).attrs).toEqual({ metric: { name: 'Hits', unit: 'short', fill: 'zero' } });
    const e = withOptions(colour);
    expect(normalizeOptions(e, { colour: 'red' }).attrs).toEqual({ colour: { hex: '#f00', unit: 'short' } });
    expect(normalizeOptions(e, { colour: 'blue' }).attrs).toEqual({});
    expect(normalizeOptions(e, { colour: 'pink' }).attrs).toEqual({});
  });
});

describe('enumList', () => {
  const categories = entry('errorsByCategory');

  it('reads a list, items trimmed, empties and nulls dropped, numbers as text', () => {
    expect(normalizeOptions(categories, { errorCategories: [' AUTH ', '', null, 'OTHER'] }).values).toEqual({
      errorCategories: ['AUTH', 'OTHER'],
    });
    const e = withOptions({ ...tags, minItems: undefined, values: [{ value: '1', label: 'One' }] });
    expect(normalizeOptions(e, { tags: [1] }).values).toEqual({ tags: ['1'] });
  });

  it('reads a single value as a list of one', () => {
    expect(normalizeOptions(categories, { errorCategories: 'THROTTLED' }).values).toEqual({
      errorCategories: ['THROTTLED'],
    });
  });

  it.each<[string, unknown]>([
    ['[]', []],
    ['a list of empties', ['', '  ', null]],
    ['""', ''],
    ['null', null],
  ])('treats %s as not set', (_, value) => {
    const r = normalizeOptions(categories, { errorCategories: value });
    expect(r.problems).toEqual({});
    expect('errorCategories' in r.values).toBe(false);
  });

  it('refuses an unknown item, and an item that is no text by its JSON', () => {
    expect(normalizeOptions(categories, { errorCategories: ['AUTH', 'NOPE'] }).problems.errorCategories).toBe(
      'Unknown error category "NOPE": choose AUTH, TARGET_CONNECTIVITY, THROTTLED, OTHER.'
    );
    expect(normalizeOptions(categories, { errorCategories: ['AUTH', { x: 1 }] }).problems.errorCategories).toBe(
      'Unknown error category "{"x":1}": choose AUTH, TARGET_CONNECTIVITY, THROTTLED, OTHER.'
    );
    expect(normalizeOptions(categories, { errorCategories: [false] }).problems.errorCategories).toBe(
      'Unknown error category "false": choose AUTH, TARGET_CONNECTIVITY, THROTTLED, OTHER.'
    );
  });

  it("uses the option's own minItems / maxItems messages", () => {
    expect(normalizeOptions(errorDetails, { errorCategories: ['AUTH', 'OTHER'] }).problems.errorCategories).toBe(
      'Error details filter by one error category: pick one, or none for all.'
    );
    expect(normalizeOptions(errorDetails, { errorCategories: ['AUTH'] }).values.errorCategories).toEqual(['AUTH']);
    expect(normalizeOptions(customReport, { customReport: { groupByFields: [] } }).problems.groupByFields).toBe(
      'A custom report groups by 1 to 3 fields: choose at least one group-by field.'
    );
    expect(
      normalizeOptions(customReport, {
        customReport: { groupByFields: ['API_NAME', 'API_VERSION', 'API_METHOD', 'PLATFORM'] },
      }).problems.groupByFields
    ).toBe('A custom report groups by 1 to 3 fields: remove some group-by fields.');
    expect(
      normalizeOptions(customReport, { customReport: { groupByFields: ['API_NAME', 'API_VERSION', 'API_METHOD'] } })
        .values.groupByFields
    ).toEqual(['API_NAME', 'API_VERSION', 'API_METHOD']);
  });

  it('falls back to optionMinItems / optionMaxItems', () => {
    const e = withOptions(tags);
    expect(normalizeOptions(e, { tags: ['a'] }).problems.tags).toBe('Choose at least 2 Tags.');
    expect(normalizeOptions(e, {}).problems.tags).toBe('Choose at least 2 Tags.');
    expect(normalizeOptions(e, { tags: ['a', 'b', 'c', 'd'] }).problems.tags).toBe('Choose at most 3 Tags.');
    expect(normalizeOptions(withOptions({ ...tags, noun: 'tag(s)' }), { tags: ['a'] }).problems.tags).toBe(
      'Choose at least 2 tag(s).'
    );
  });

  it('checks items before counting them', () => {
    expect(normalizeOptions(withOptions(tags), { tags: ['zz'] }).problems.tags).toBe(
      'Unknown Tags "zz": choose a, b, c, d.'
    );
  });
});

describe('stringList', () => {
  it('reads any text, trimmed, empties dropped, a single value as a list', () => {
    const e = withOptions(words);
    expect(normalizeOptions(e, { words: [' x ', '', 'any thing', 3] }).problems.words).toBe('Choose at most 2 Words.');
    expect(normalizeOptions(e, { words: [' x ', '', 3] }).values).toEqual({ words: ['x', '3'] });
    expect(normalizeOptions(e, { words: 'solo' }).values).toEqual({ words: ['solo'] });
    expect(
      normalizeOptions(customReport, { customReport: { groupByValues: ['Orders API', ' v1 '] } }).values.groupByValues
    ).toEqual(['Orders API', 'v1']);
  });

  it('refuses an item that is no text with optionText', () => {
    expect(
      normalizeOptions(customReport, { customReport: { groupByValues: ['a', { b: 1 }] } }).problems.groupByValues
    ).toBe('Group by values must be text (got {"b":1}).');
    expect(normalizeOptions(withOptions(words), { words: [['x']] }).problems.words).toBe(
      'Words must be text (got ["x"]).'
    );
  });

  it('counts items against minItems', () => {
    expect(normalizeOptions(withOptions(words), { words: ['', null] }).problems.words).toBe('Choose at least 1 Words.');
  });

  it('leaves an empty list not set', () => {
    const r = normalizeOptions(customReport, { customReport: { groupByValues: [] } });
    expect(r.problems.groupByValues).toBeUndefined();
    expect('groupByValues' in r.values).toBe(false);
  });
});

describe('integer', () => {
  const topSlowest = entry('topSlowestApis');

  it('reads a number or numeric text', () => {
    expect(normalizeOptions(topSlowest, { limit: 25 }).values.limit).toBe(25);
    expect(normalizeOptions(topSlowest, { limit: ' 25 ' }).values.limit).toBe(25);
    expect(normalizeOptions(topSlowest, { limit: '1e2' }).values.limit).toBe(100);
    expect(normalizeOptions(topSlowest, { limit: 3.0 }).values.limit).toBe(3);
  });

  it('refuses what is not a whole number of at least min with optionInteger (no max)', () => {
    const problem = (limit: unknown) => normalizeOptions(topSlowest, { limit }).problems.limit;
    expect(problem(0)).toBe('Limit must be a whole number of at least 1 (got 0).');
    expect(problem(2.5)).toBe('Limit must be a whole number of at least 1 (got 2.5).');
    expect(problem('ten')).toBe('Limit must be a whole number of at least 1 (got ten).');
    expect(problem(true)).toBe('Limit must be a whole number of at least 1 (got true).');
    expect(problem({ n: 1 })).toBe('Limit must be a whole number of at least 1 (got {"n":1}).');
    expect(problem([5])).toBe('Limit must be a whole number of at least 1 (got [5]).');
  });

  it('refuses with optionIntegerRange when there is a max', () => {
    const e = withOptions(size);
    expect(normalizeOptions(e, { size: 10 }).problems.size).toBe('Size must be a whole number from 2 to 9 (got 10).');
    expect(normalizeOptions(e, { size: '1' }).problems.size).toBe('Size must be a whole number from 2 to 9 (got 1).');
    expect(normalizeOptions(e, { size: 9 }).values.size).toBe(9);
    expect(normalizeOptions(e, { size: 2 }).values.size).toBe(2);
  });

  it('with clamp, reads a whole number above max as max, with the optionClamped notice', () => {
    expect(normalizeOptions(errorDetails, { maxRows: 50000 })).toEqual({
      values: { maxRows: 20000, sortOrder: 'desc' },
      attrs: {},
      problems: {},
      notices: ['Max rows 50000 is more than a panel fetches: showing at most 20000 rows.'],
    });
    expect(normalizeOptions(errorDetails, { maxRows: '30000' }).notices).toEqual([
      'Max rows 30000 is more than a panel fetches: showing at most 20000 rows.',
    ]);
    expect(normalizeOptions(errorDetails, { maxRows: 20000 }).notices).toEqual([]);
  });

  it('with clamp, still refuses below min and what is not whole', () => {
    expect(normalizeOptions(errorDetails, { maxRows: 0 }).problems.maxRows).toBe(
      'Max rows must be a whole number from 1 to 20000 (got 0).'
    );
    expect(normalizeOptions(errorDetails, { maxRows: 20000.5 }).problems.maxRows).toBe(
      'Max rows must be a whole number from 1 to 20000 (got 20000.5).'
    );
  });

  it.each<[string, unknown]>([
    ['absent', undefined],
    ['null', null],
    ['""', ''],
  ])('treats %s as not set: the default', (_, limit) => {
    expect(normalizeOptions(topSlowest, { limit })).toEqual({
      values: { limit: 10 },
      attrs: {},
      problems: {},
      notices: [],
    });
  });
});

describe('string', () => {
  it('reads text trimmed, numbers as text', () => {
    expect(normalizeOptions(errorDetails, { search: '  timeout  ' }).values.search).toBe('timeout');
    expect(normalizeOptions(errorDetails, { search: 404 }).values.search).toBe('404');
    expect(normalizeOptions(errorDetails, { sortBy: 'anyColumn' }).values.sortBy).toBe('anyColumn');
  });

  it('refuses an object or a list with optionText', () => {
    expect(normalizeOptions(errorDetails, { search: { q: 'x' } }).problems.search).toBe(
      'Search must be text (got {"q":"x"}).'
    );
    expect(normalizeOptions(errorDetails, { search: ['x'] }).problems.search).toBe('Search must be text (got ["x"]).');
  });

  it.each<[string, unknown]>([
    ['""', ''],
    ['only spaces', '   '],
    ['null', null],
  ])('treats %s as not set', (_, search) => {
    const r = normalizeOptions(errorDetails, { search });
    expect(r.problems).toEqual({});
    expect('search' in r.values).toBe(false);
  });
});

describe('defaults and paths', () => {
  it('applies defaults where nothing is set; absent where there is none', () => {
    expect(normalizeOptions(errorDetails, {})).toEqual({
      values: { maxRows: 1000, sortOrder: 'desc' },
      attrs: {},
      problems: {},
      notices: [],
    });
  });

  it('default: null overrides a shared default (a custom report has no limit unless set)', () => {
    const r = normalizeOptions(customReport, { customReport: { groupByFields: ['API_NAME'] } });
    expect(r.values).toEqual({ mode: 'overTime', metric: 'HIT_COUNT', groupByFields: ['API_NAME'] });
    expect('limit' in r.values).toBe(false);
    expect(
      normalizeOptions(customReport, { limit: 3, customReport: { groupByFields: ['API_NAME'] } }).values.limit
    ).toBe(3);
  });

  it('reads options at their dot path, own properties only', () => {
    expect(
      normalizeOptions(customReport, { customReport: { mode: 'topOverTime', groupByFields: 'PLATFORM' } }).values
    ).toEqual({ mode: 'topOverTime', metric: 'HIT_COUNT', groupByFields: ['PLATFORM'] });
    // The name is not the path: a top-level `mode` is not the custom report's.
    expect(normalizeOptions(customReport, { mode: 'topOverTime' }).values.mode).toBe('overTime');
    const e = withOptions({ ...colour, path: 'a.b' });
    expect(normalizeOptions(e, { a: { b: 'blue' } }).values).toEqual({ colour: 'blue' });
    expect(normalizeOptions(e, { a: 'b' }).values).toEqual({});
  });

  it('does not apply the default to an option with a problem', () => {
    const r = normalizeOptions(errorDetails, { sortOrder: 'sideways' });
    expect('sortOrder' in r.values).toBe(false);
  });
});

describe('firstProblem', () => {
  it('is the first problem in option order, not in the order found', () => {
    const r = normalizeOptions(customReport, {
      limit: 0,
      customReport: { groupByFields: [], metric: 'NOPE', mode: 'overTime' },
    });
    expect(Object.keys(r.problems).sort()).toEqual(['groupByFields', 'limit', 'metric']);
    expect(firstProblem(customReport, r.problems)).toBe(
      'Unknown metric "NOPE": choose HIT_COUNT, RESPONSE_CACHE_HIT, REQUEST_MEDIATION_LATENCY, RESPONSE_MEDIATION_LATENCY, BACKEND_LATENCY, TOTAL_LATENCY, API_ERRORS, TARGET_ERRORS.'
    );
    expect(firstProblem(customReport, { limit: 'b', groupByFields: 'a' })).toBe('a');
  });

  it('is undefined without problems, and ignores names that are no option', () => {
    expect(firstProblem(customReport, {})).toBeUndefined();
    expect(firstProblem(customReport, { apiIds: 'not an option' })).toBeUndefined();
  });
});
