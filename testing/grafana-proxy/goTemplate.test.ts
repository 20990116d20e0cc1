/** @jest-environment node */
import { GoTemplateError, interpolateGoTemplate, TemplateData } from './goTemplate';

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

  it('prints numbers, bools, null, lists and maps as fmt %v does', () => {
    expect(run('{{ .JsonData.count }} {{ .JsonData.ratio }} {{ .JsonData.big }}')).toBe('42 1.5 1.2345675e+06');
    expect(run('{{ .JsonData.enabled }} {{ .JsonData.nothing }} {{ .JsonData.list }}')).toBe('true <nil> [a b]');
    expect(run('{{ .JsonData.nested }}')).toBe('map[deeper:map[x:1] region:eu]');
  });

  it('rejects constructs outside the subset, and what Go itself rejects, with GoTemplateError', () => {
    for (const t of [
      '{{ if .JsonData.x }}a{{ end }}',
      '{{ printf "%s" .JsonData.x }}',
      '{{ $x := 1 }}',
      '{{ (or .JsonData.a "b") }}',
      '{{ . }}',
      '{{ /* c */ }}',
      '{{ .Other.x }}',
      '{{ unknownFunc .JsonData.x }}',
      '{{ .JsonData.apiUrl.sub }}',
      '{{ .JsonData.x ',
    ]) {
      expect(() => run(t)).toThrow(GoTemplateError);
    }
  });
});
