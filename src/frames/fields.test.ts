import { FieldType } from '@grafana/data';

import { numberField, stringField } from './fields';

describe('numberField', () => {
  it('keeps a clean list as is', () => {
    const values = [1, null, 2.5];
    expect(numberField('n', values).values).toBe(values);
  });

  it('reads numeric strings as numbers and anything else as a gap', () => {
    const values = [1, '12', ' 3.5 ', '-2e3', 'twelve', '', {}, [4], true, NaN, '1e999'] as unknown as Array<
      number | null
    >;
    const field = numberField('n', values, { unit: 'short' });
    expect(field.type).toBe(FieldType.number);
    expect(field.values).toEqual([1, 12, 3.5, -2000, null, null, null, null, null, null, null]);
    expect(field.config.unit).toBe('short');
  });
});

describe('stringField', () => {
  it('turns other values into text and keeps nulls', () => {
    const values = ['a', null, 3, { b: 1 }] as unknown as Array<string | null>;
    expect(stringField('s', values).values).toEqual(['a', null, '3', '{"b":1}']);
  });
});
