/** @jest-environment node */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import fs from 'fs';
import path from 'path';

import { DEFAULT_API_URL, DEFAULT_SCOPE, DEFAULT_TOKEN_URL, INSIGHTS_ROUTE } from '../../src/constants';

const root = path.resolve(__dirname, '../..');
const schema = JSON.parse(fs.readFileSync(path.join(root, 'testing/schemas/plugin.schema.json'), 'utf8'));

interface Route {
  path: string;
  method?: string;
  url: string;
  body?: unknown;
  tokenAuth?: { url: string; params: Record<string, string> };
  headers?: Array<{ name: string; content: string }>;
}

function validator() {
  // Grafana's schema writes `\-` in a pattern, which Ajv's default unicode regexps reject.
  const ajv = new Ajv({ unicodeRegExp: false, strict: false, allErrors: true });
  // The schema checks links as `uri` and the author as `email`.
  addFormats(ajv, ['uri', 'email']);
  return ajv.compile(schema);
}

function load(file: string) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

describe('plugin.json', () => {
  const src = load(path.join(root, 'src/plugin.json'));

  it('src/plugin.json is valid against Grafana plugin.json schema', () => {
    const validate = validator();
    expect(validate(src) ? [] : validate.errors).toEqual([]);
  });

  it('dist/plugin.json (built) is valid and has its version and date filled in', () => {
    const distFile = path.join(root, 'dist/plugin.json');
    if (!fs.existsSync(distFile)) {
      throw new Error('dist/plugin.json is missing: run `npm run build` before the tests (npm test does).');
    }
    const dist = load(distFile);
    const validate = validator();
    expect(validate(dist) ? [] : validate.errors).toEqual([]);
    expect(dist.info.version).toBe(load(path.join(root, 'package.json')).version);
    expect(dist.info.updated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(dist.routes).toEqual(src.routes);
  });

  it('is a data source named "Choreo Insights" with the agreed id', () => {
    expect(src).toMatchObject({
      type: 'datasource',
      id: 'choreo-insights-datasource',
      name: 'Choreo Insights',
    });
  });

  it('has a backend Grafana can start for alerting (gpx_choreo_insights_<os>_<arch> next to plugin.json)', () => {
    // alerting needs backend; Grafana looks for `${executable}_${GOOS}_${GOARCH}` (.exe on Windows).
    expect(src).toMatchObject({ backend: true, alerting: true, executable: 'gpx_choreo_insights' });
  });

  it('dist/ holds the backend binary for this machine, executable, built from pkg/', () => {
    const goos = { linux: 'linux', darwin: 'darwin', win32: 'windows' }[process.platform as string];
    const goarch = { x64: 'amd64', arm64: 'arm64' }[process.arch as string];
    const file = path.join(root, 'dist', `${src.executable}_${goos}_${goarch}${goos === 'windows' ? '.exe' : ''}`);
    expect(fs.existsSync(file)).toBe(true);
    if (goos !== 'windows') {
      expect(fs.statSync(file).mode & 0o111).not.toBe(0);
    }
    expect(fs.readFileSync(path.join(root, 'dist/go_plugin_build_manifest'), 'utf8')).toMatch(
      /^[0-9a-f]{64}:pkg\/main\.go$/m
    );
  });

  describe('the Insights route', () => {
    const routes: Route[] = src.routes;
    const route = routes.find((r) => r.path === INSIGHTS_ROUTE)!;

    it('is the only route, POST only, with no body override (Grafana would replace the GraphQL body)', () => {
      expect(routes).toHaveLength(1);
      expect(route.method).toBe('POST');
      expect(route.body).toBeUndefined();
    });

    it('falls back to the same defaults as src/constants.ts', () => {
      expect(route.url).toBe(`{{ or .JsonData.apiUrl "${DEFAULT_API_URL}" }}`);
      expect(route.tokenAuth!.url).toBe(`{{ or .JsonData.tokenUrl "${DEFAULT_TOKEN_URL}" }}`);
      expect(route.tokenAuth!.params.scope).toBe(`{{ or .JsonData.scope "${DEFAULT_SCOPE}" }}`);
    });

    it('sends the client credentials in the form body, the secret only from secureJsonData', () => {
      expect(route.tokenAuth!.params).toEqual({
        grant_type: 'client_credentials',
        client_id: '{{ .JsonData.consumerKey | orEmpty }}',
        client_secret: '{{ .SecureJsonData.consumerSecret | orEmpty }}',
        orgHandle: '{{ .JsonData.orgHandle | orEmpty }}',
        scope: expect.any(String),
      });
    });

    it('never reads jsonData.authenticationType (it would switch Grafana to another auth provider)', () => {
      expect(JSON.stringify(src)).not.toContain('authenticationType');
    });
  });
});
