/** @jest-environment node */
import { common } from './catalog';
import { format, message } from './messages';

describe('format', () => {
  it('fills every {name} placeholder, numbers as text', () => {
    expect(format('{a} and {b} and {a} again', { a: 'x', b: 3 })).toBe('x and 3 and x again');
    expect(format('{n} item(s)', { n: 0 })).toBe('0 item(s)');
  });

  it('leaves unknown placeholders as written so a typo shows', () => {
    expect(format('Hello {name}, {nmae}', { name: 'Ann' })).toBe('Hello Ann, {nmae}');
    expect(format('{x}')).toBe('{x}');
  });

  it('does not take inherited names as parameters', () => {
    expect(format('{constructor} {toString}', {})).toBe('{constructor} {toString}');
  });

  it('inserts values literally ($ patterns in values are not special)', () => {
    expect(format('got {value}', { value: '$& $1 $$ {value}' })).toBe('got $& $1 $$ {value}');
  });

  it('leaves text without placeholders and non-word braces alone', () => {
    expect(format('no placeholders { here } {a-b}', { a: 1 })).toBe('no placeholders { here } {a-b}');
  });
});

describe('message', () => {
  it('reads the catalog text and fills it', () => {
    expect(message('filterMany', { max: 5, many: 'APIs', n: 7 })).toBe(
      'The Insights API filters by at most 5 APIs, but 7 are selected.'
    );
    expect(message('rowsCutUnknownTotal', { shown: 1000 })).toBe(
      'Showing the first 1000 of more than 1000 rows: raise "Max rows" to see more.'
    );
    expect(message('noOrgUuid')).toBe(common.messages.noOrgUuid);
  });

  it('throws for a key the catalog does not have, inherited names included', () => {
    expect(() => message('noSuchMessage')).toThrow('catalog: message "noSuchMessage" does not exist');
    expect(() => message('constructor')).toThrow('catalog: message "constructor" does not exist');
    expect(() => message('__proto__')).toThrow('catalog: message "__proto__" does not exist');
  });
});
