/** @jest-environment node */
import { GoTemplateError, GoTemplateUnsupportedError, interpolateGoTemplate, TemplateData } from './goTemplate';
import { JsonNumber } from './goValues';

const data: TemplateData = {
  JsonData: {
    apiUrl: 'https://api.example.com/q',
    empty: '',
    nested: { region: 'eu', deeper: { x: 1 } },
    count: 42,
    ratio: 1.5,
    big: 1234567.5,
    enabled: true,
    nothing: null,
    zero: 0,
    list: ['a', 'b'],
  },
  SecureJsonData: { consumerSecret: 's3cret' },
};
const run = (t: string) => interpolateGoTemplate(t, data);

describe('Go text/template subset (pkg/api/pluginproxy/utils.go interpolateString)', () => {
  it('prints fields of .JsonData and .SecureJsonData, nested keys included, around literal text', () => {
    expect(run('{{ .JsonData.apiUrl }}/x')).toBe('https://api.example.com/q/x');
    expect(run('k={{.SecureJsonData.consumerSecret}}')).toBe('k=s3cret');
    expect(run('{{ .JsonData.nested.region }}')).toBe('eu');
  });

  it('prints a missing key as "<no value>" (text/template printableValue, missingkey=default)', () => {
    expect(run('{{ .JsonData.absent }}')).toBe('<no value>');
    expect(run('{{ .SecureJsonData.absent }}')).toBe('<no value>');
    expect(run('{{ .JsonData.absent.deeper }}')).toBe('<no value>');
  });

  it('orEmpty (Grafana extraFuncs in utils.go) turns a missing key or null into ""', () => {
    expect(run('[{{ .JsonData.absent | orEmpty }}]')).toBe('[]');
    expect(run('[{{ .JsonData.nothing | orEmpty }}]')).toBe('[]');
    expect(run('[{{ .JsonData.apiUrl | orEmpty }}]')).toBe('[https://api.example.com/q]');
  });

  it('or / and return the first truthy / falsy argument, else the last (text/template funcs.go)', () => {
    expect(run('{{ or .JsonData.absent "https://default" }}')).toBe('https://default');
    expect(run('{{ or .JsonData.empty "d" }}')).toBe('d');
    expect(run('{{ or .JsonData.apiUrl "d" }}')).toBe('https://api.example.com/q');
    expect(run('{{ or .JsonData.absent .JsonData.alsoAbsent }}')).toBe('<no value>');
    expect(run('{{ and .JsonData.apiUrl .JsonData.empty }}')).toBe('');
    expect(run('{{ and .JsonData.apiUrl `raw` }}')).toBe('raw');
    expect(run('{{ .JsonData.absent | or "piped" }}')).toBe('piped');
  });

  it('honours {{- and -}} trim markers (text/template lex.go)', () => {
    expect(run('a  \n {{- .JsonData.nested.region -}} \n  b')).toBe('aeub');
    expect(run('a {{ .JsonData.nested.region }} b')).toBe('a eu b');
  });

  it('prints JS numbers as JSON text: the browser saves jsonData with JSON.stringify, Grafana keeps json.Number', () => {
    expect(run('{{ .JsonData.count }} {{ .JsonData.ratio }} {{ .JsonData.big }}')).toBe('42 1.5 1234567.5');
    expect(run('{{ or .JsonData.zero "d" }}')).toBe('0'); // json.Number is a non-empty string
    expect(interpolateGoTemplate('{{ .JsonData.n }}', { JsonData: { n: 1e21 }, SecureJsonData: {} })).toBe('1e+21');
    // JsonNumber keeps a literal as written, as Grafana does for the stored JSON text.
    const literal = { JsonData: { n: new JsonNumber('1.50') }, SecureJsonData: {} };
    expect(interpolateGoTemplate('{{ .JsonData.n }}', literal)).toBe('1.50');
  });

  it('stores jsonData as JSON.stringify would: NaN becomes null, undefined keys disappear', () => {
    const stored = { JsonData: { nan: NaN, gone: undefined, list: [undefined, 1] }, SecureJsonData: {} };
    expect(interpolateGoTemplate('{{ .JsonData.nan }} {{ .JsonData.gone }} {{ .JsonData.list }}', stored)).toBe(
      '<no value> <no value> [<nil> 1]'
    );
    expect(interpolateGoTemplate('{{ .JsonData }}', stored)).toBe('map[list:[<nil> 1] nan:<nil>]');
    const notJson = { JsonData: { when: new Date(0) }, SecureJsonData: {} };
    expect(() => interpolateGoTemplate('x', notJson)).toThrow(TypeError);
  });

  it('prints bools, null, lists and maps as fmt %v does (null on its own: <no value>)', () => {
    expect(run('{{ .JsonData.enabled }} {{ .JsonData.nothing }} {{ .JsonData.list }}')).toBe('true <no value> [a b]');
    expect(run('{{ .JsonData.nested }}')).toBe('map[deeper:map[x:1] region:eu]');
  });

  it('refuses valid Go it does not implement with GoTemplateUnsupportedError', () => {
    for (const t of [
      '{{ if .JsonData.x }}a{{ end }}',
      '{{ printf "%s" .JsonData.x }}',
      '{{ $x := 1 }}',
      '{{ (or .JsonData.a "b") }}',
      '{{ . }}',
    ]) {
      expect(() => run(t)).toThrow(GoTemplateUnsupportedError);
    }
  });

  it('throws a plain GoTemplateError where Go fails to parse or execute', () => {
    for (const t of [
      '{{ /* c */ }}',
      '{{ .Other.x }}',
      '{{ unknownFunc .JsonData.x }}',
      '{{ .JsonData.apiUrl.sub }}',
      '{{ .JsonData.x ',
      '{{ "\\400" }}',
      '{{ "\\uD800" }}',
    ]) {
      expect(() => run(t)).toThrow(GoTemplateError);
      expect(() => run(t)).not.toThrow(GoTemplateUnsupportedError);
    }
  });
});
