/**
 * Writes the settings and health-check parity vectors: language-neutral JSON cases computed by
 * the frontend's real TypeScript (validateSettings, resolveSettings, resultCacheTtlMs,
 * checkHealth), which the Go backend must reproduce exactly (pkg/plugin/vectors_test.go).
 * testing/parity/settingsVectors.test.ts fails when the committed files differ from what the
 * TypeScript computes now, so a change to the TypeScript needs a regeneration:
 *
 *   npx tsx scripts/settingsVectors.ts          # rewrite catalog/vectors/{settings,health}/*.json
 *   npx tsx scripts/settingsVectors.ts --check  # exit 1 if they are out of date
 */
import fs from 'node:fs';
import path from 'node:path';

import type { ChoreoOptions } from '../src/options';

const ROOT = path.resolve(__dirname, '..');

export const VECTOR_FILES = {
  validate: 'catalog/vectors/settings/validate.json',
  resolve: 'catalog/vectors/settings/resolve.json',
  health: 'catalog/vectors/health/checkHealth.json',
} as const;

type JsonData = Record<string, unknown>;

const VALID: JsonData = {
  consumerKey: 'choreo-demo-key',
  orgHandle: 'demo-org',
  orgUuid: '5b0d4e39-1c5a-4d3e-9f11-7a2c8e6b0d42',
};

/** Values for the identifier fields: required ones, optional ones, whitespace of every kind. */
const TEXT_VALUES: Array<[string, string | null]> = [
  ['absent', null],
  ['empty', ''],
  ['spaces only', '   '],
  ['no-break space only', '\u00a0'],
  ['plain', 'value-1'],
  ['padded', '  value-1  '],
  ['padded with tab and newline', '\tvalue-1\n'],
  ['inner space', 'value 1'],
  ['inner tab', 'value\t1'],
  ['inner em space', 'value\u20031'],
  ['inner no-break space', 'value\u00a01'],
  ['inner next-line (not JS whitespace)', 'value\u00851'],
  ['leading BOM (JS whitespace)', '\ufeffvalue-1'],
  ['inner zero-width space (not JS whitespace)', 'value\u200b1'],
  ['non-ASCII', 'organización'],
];

const UUID_VALUES: Array<[string, string | null]> = [
  ['lower case', '5b0d4e39-1c5a-4d3e-9f11-7a2c8e6b0d42'],
  ['upper case', '5B0D4E39-1C5A-4D3E-9F11-7A2C8E6B0D42'],
  ['padded', ' 5b0d4e39-1c5a-4d3e-9f11-7a2c8e6b0d42\n'],
  ['the handle instead', 'demo-org'],
  ['braces', '{5b0d4e39-1c5a-4d3e-9f11-7a2c8e6b0d42}'],
  ['one digit short', '5b0d4e39-1c5a-4d3e-9f11-7a2c8e6b0d4'],
  ['no dashes', '5b0d4e391c5a4d3e9f117a2c8e6b0d42'],
  ['non-hex letter', '5b0d4e39-1c5a-4d3e-9f11-7a2c8e6b0d4g'],
  ['trailing text', '5b0d4e39-1c5a-4d3e-9f11-7a2c8e6b0d42 x'],
  ['empty', ''],
  ['absent', null],
];

/** URLs: what people paste, and the corners where WHATWG URL parsing differs from Go's net/url. */
const URL_VALUES: Array<[string, string | null]> = [
  ['absent', null],
  ['empty', ''],
  ['spaces only', '  '],
  ['Choreo STS', 'https://sts.choreo.dev/oauth2/token'],
  ['emulator', 'http://127.0.0.1:4000/93tu/insights/1.0.0/query-api'],
  ['padded', '  https://sts.choreo.dev/oauth2/token \n'],
  ['upper-case scheme and host', 'HTTPS://STS.CHOREO.DEV/oauth2/token'],
  ['trailing slash', 'https://sts.choreo.dev/'],
  ['host only', 'https://sts.choreo.dev'],
  ['ftp', 'ftp://sts.choreo.dev/oauth2/token'],
  ['FTP upper case', 'FTP://sts.choreo.dev/x'],
  ['websocket', 'wss://sts.choreo.dev/x'],
  ['file', 'file:///etc/passwd'],
  ['file with host', 'file://server/share'],
  ['mailto', 'mailto:ops@example.com'],
  ['javascript', 'javascript:alert(1)'],
  ['custom scheme with authority', 'grafana://sts.choreo.dev/x'],
  ['host:port without scheme reads as a scheme', 'localhost:4000/oauth2/token'],
  ['IP:port without scheme', '127.0.0.1:4000'],
  ['no scheme', 'sts.choreo.dev/oauth2/token'],
  ['scheme-relative', '//sts.choreo.dev/oauth2/token'],
  ['path only', '/oauth2/token'],
  ['scheme only', 'https://'],
  ['three slashes', 'https:///sts.choreo.dev/token'],
  ['no slashes', 'https:sts.choreo.dev/oauth2/token'],
  ['backslashes', 'https:\\\\sts.choreo.dev\\oauth2\\token'],
  ['query', 'https://sts.choreo.dev/oauth2/token?tenant=x'],
  ['empty query', 'https://sts.choreo.dev/oauth2/token?'],
  ['fragment', 'https://sts.choreo.dev/oauth2/token#top'],
  ['empty fragment', 'https://sts.choreo.dev/oauth2/token#'],
  ['user and password', 'https://user:pass@sts.choreo.dev/oauth2/token'],
  ['user only', 'https://user@sts.choreo.dev/'],
  ['password only', 'https://:pass@sts.choreo.dev/'],
  ['empty credentials', 'https://@sts.choreo.dev/'],
  ['empty user and password', 'https://:@sts.choreo.dev/'],
  ['two at signs', 'https://a@b@sts.choreo.dev/'],
  ['credentials, no host', 'https://user@'],
  ['space in host', 'https://sts.cho reo.dev/token'],
  ['space in path', 'https://sts.choreo.dev/oauth2/my token'],
  ['tab inside (removed by the parser)', 'https://sts.cho\treo.dev/token'],
  ['percent-encoded host', 'https://sts.%63horeo.dev/token'],
  ['percent-encoded space in host', 'https://sts%20choreo.dev/token'],
  ['bad percent in host', 'https://sts.%zzchoreo.dev/token'],
  ['caret in host', 'https://sts^choreo.dev/'],
  ['pipe in host', 'https://sts|choreo.dev/'],
  ['angle bracket in host', 'https://sts<choreo.dev/'],
  ['underscore in host', 'https://my_sts.example.com/'],
  ['asterisk in host', 'https://*.example.com/'],
  ['IPv4', 'https://10.1.2.3/token'],
  ['IPv4 out of range', 'https://10.1.2.256/token'],
  ['IPv4 shorthand', 'http://127.1:4000/x'],
  ['hex IPv4', 'http://0x7f.0.0.1/x'],
  ['number host', 'http://2130706433/x'],
  ['number host out of range', 'http://4294967296/x'],
  ['dotted numbers, too many', 'http://1.2.3.4.5/x'],
  ['letters after numbers', 'http://1.2.3.4a/x'],
  ['IPv6', 'http://[::1]:4000/x'],
  ['IPv6 full', 'https://[2001:db8:0:0:0:0:0:1]/x'],
  ['IPv6 with IPv4 tail', 'https://[::ffff:10.1.2.3]/x'],
  ['IPv6 unclosed', 'http://[::1/x'],
  ['IPv6 with zone', 'http://[fe80::1%25eth0]/x'],
  ['IPv6 invalid', 'http://[::g]/x'],
  ['port', 'https://sts.choreo.dev:8443/token'],
  ['port 0', 'https://sts.choreo.dev:0/token'],
  ['port with leading zeros', 'https://sts.choreo.dev:0000443/token'],
  ['port too large', 'https://sts.choreo.dev:65536/token'],
  ['port max', 'https://sts.choreo.dev:65535/token'],
  ['port not a number', 'https://sts.choreo.dev:https/token'],
  ['empty port', 'https://sts.choreo.dev:/token'],
  ['colon, no host', 'https://:443/token'],
  ['internationalized host', 'https://münchen.example/token'],
  ['punycode host', 'https://xn--mnchen-3ya.example/token'],
  ['upper-case internationalized host', 'https://MÜNCHEN.example/token'],
  ['full-width dot', 'https://sts\uff0echoreo\uff0edev/token'],
  ['leading C0 control (stripped by the parser)', '\u0001https://sts.choreo.dev/token'],
  ['leading BOM (stripped by trim)', '\ufeffhttps://sts.choreo.dev/token'],
  ['trailing no-break space (stripped by trim)', 'https://sts.choreo.dev/token\u00a0'],
  ['data URL', 'data:text/plain,hello'],
  ['scheme with digits and plus', 'git+ssh://host/x'],
  ['scheme starting with a digit', '1https://host/x'],
];

const SCOPE_VALUES: Array<[string, string | null]> = [
  ['absent', null],
  ['empty', ''],
  ['default', 'apim:api_manage'],
  ['two scopes', 'apim:api_manage openid'],
  ['padded', '  apim:api_manage  '],
  ['double space', 'apim:api_manage  openid'],
  ['tab separated', 'apim:api_manage\topenid'],
  ['quote', 'apim:api_manage "x"'],
  ['backslash', 'apim\\api'],
  ['non-ASCII', 'apim:äpi'],
  ['every allowed punctuation', "!#$%&'()*+,-./:;<=>?@[]^_`{|}~"],
];

interface ValidateCase {
  name: string;
  jsonData: JsonData;
  /** null: the caller cannot know (the frontend's health check). */
  secretConfigured: boolean | null;
  issues: Array<{ key: string; message: string }>;
}

function withField(key: string, value: string | null): JsonData {
  const j: JsonData = { ...VALID };
  if (value === null) {
    delete j[key];
  } else {
    j[key] = value;
  }
  return j;
}

function validateInputs(): Array<Omit<ValidateCase, 'issues'>> {
  const inputs: Array<Omit<ValidateCase, 'issues'>> = [];
  for (const secret of [true, false, null]) {
    inputs.push({ name: `valid, secret ${String(secret)}`, jsonData: VALID, secretConfigured: secret });
    inputs.push({ name: `nothing set, secret ${String(secret)}`, jsonData: {}, secretConfigured: secret });
  }
  for (const key of ['consumerKey', 'orgHandle', 'tenant', 'defaultEnvironmentId']) {
    for (const [label, value] of TEXT_VALUES) {
      inputs.push({ name: `${key}: ${label}`, jsonData: withField(key, value), secretConfigured: true });
    }
  }
  for (const [label, value] of UUID_VALUES) {
    inputs.push({ name: `orgUuid: ${label}`, jsonData: withField('orgUuid', value), secretConfigured: true });
  }
  for (const [label, value] of URL_VALUES) {
    inputs.push({ name: `tokenUrl: ${label}`, jsonData: withField('tokenUrl', value), secretConfigured: true });
  }
  // The same checks run on the API URL with its own label; a few cases prove the label.
  for (const [label, value] of URL_VALUES.filter(
    ([, v]) => v !== null && /^(ftp|http:\/\/\[|https:\/\/user)/.test(v)
  )) {
    inputs.push({ name: `apiUrl: ${label}`, jsonData: withField('apiUrl', value), secretConfigured: true });
  }
  for (const [label, value] of SCOPE_VALUES) {
    inputs.push({ name: `scope: ${label}`, jsonData: withField('scope', value), secretConfigured: true });
  }
  inputs.push({
    name: 'every field wrong, in page order',
    jsonData: {
      consumerKey: 'my key',
      orgHandle: 'demo org',
      orgUuid: 'demo-org',
      tenant: 'carbon super',
      defaultEnvironmentId: 'prod env',
      tokenUrl: 'sts.choreo.dev',
      apiUrl: 'ftp://x/y',
      scope: 'a  b',
    },
    secretConfigured: false,
  });
  inputs.push({
    name: 'extra jsonData keys are ignored',
    jsonData: { ...VALID, resultCacheTtlSeconds: 60, authenticationType: 'x', somethingElse: 'y' },
    secretConfigured: true,
  });
  inputs.push({
    name: 'JSON null reads as absent',
    jsonData: { ...VALID, tenant: null, tokenUrl: null, scope: null },
    secretConfigured: true,
  });
  return inputs;
}

interface ResolveCase {
  name: string;
  jsonData: JsonData;
  resolved: Record<string, unknown>;
}

const TTL_VALUES: Array<[string, unknown]> = [
  ['absent', undefined],
  ['null', null],
  ['zero', 0],
  ['one', 1],
  ['sixty', 60],
  ['max', 3600],
  ['over max', 3601],
  ['negative', -5],
  ['fraction', 1.5],
  ['whole number written with a fraction', 60.0],
  ['exponent', 1e3],
  ['numeric string', '120'],
  ['padded numeric string', ' 120 '],
  ['hex string', '0x10'],
  ['exponent string', '1e2'],
  ['empty string', ''],
  ['text', 'ten'],
  ['true', true],
  ['false', false],
];

function resolveInputs(): Array<Omit<ResolveCase, 'resolved'>> {
  const inputs: Array<Omit<ResolveCase, 'resolved'>> = [
    { name: 'empty jsonData: every default', jsonData: {} },
    { name: 'minimal valid', jsonData: VALID },
    {
      name: 'everything set, padded',
      jsonData: {
        consumerKey: ' key ',
        orgHandle: '\tdemo-org\n',
        orgUuid: ' 5B0D4E39-1C5A-4D3E-9F11-7A2C8E6B0D42 ',
        tenant: ' t1 ',
        defaultEnvironmentId: ' env-1 ',
        tokenUrl: ' http://127.0.0.1:4000/oauth2/token ',
        apiUrl: ' http://127.0.0.1:4000/93tu/insights/1.0.0/query-api ',
        scope: ' apim:api_manage openid ',
      },
    },
    {
      name: 'whitespace-only values fall back to the defaults',
      jsonData: {
        consumerKey: ' ',
        tenant: '\u00a0',
        tokenUrl: '\n',
        apiUrl: '\ufeff',
        scope: '  ',
        defaultEnvironmentId: ' ',
      },
    },
    { name: 'JSON null falls back to the defaults', jsonData: { tenant: null, tokenUrl: null, scope: null } },
  ];
  for (const [label, value] of TTL_VALUES) {
    const jsonData: JsonData = { ...VALID };
    if (value !== undefined) {
      jsonData.resultCacheTtlSeconds = value;
    }
    inputs.push({ name: `resultCacheTtlSeconds: ${label}`, jsonData });
  }
  return inputs;
}

interface HealthCase {
  name: string;
  jsonData: JsonData;
  /** The GraphQL answer to ListEnvironments (data non-null); null when no request is made. */
  response: { data: unknown; errors?: unknown[] } | null;
  expected: { status: string; message: string; details?: { message?: string } };
}

const ENVIRONMENTS = [
  { id: 'b3f9e8a2-6c1d-4e7b-9a5f-2d8c0e1b7a01', name: 'Development', type: 'CHOREO' },
  { id: 'd5a2c8f1-3e7b-4b9d-8c6a-0f4e2b1d9c03', name: 'Staging', type: 'CHOREO' },
  { id: 'f7c4e0b3-5a9d-4dbf-ae8c-2b6a4d3f1e05', name: 'Production', type: 'CHOREO' },
];

function healthInputs(): Array<Omit<HealthCase, 'expected'>> {
  const withEnv = (defaultEnvironmentId: string) => ({ ...VALID, defaultEnvironmentId });
  return [
    { name: 'one setting to fix', jsonData: withField('orgUuid', 'demo-org'), response: null },
    { name: 'two settings to fix', jsonData: { orgUuid: VALID.orgUuid, orgHandle: 'demo-org' }, response: null },
    { name: 'three settings to fix', jsonData: {}, response: null },
    {
      name: 'every setting wrong',
      jsonData: { consumerKey: 'a b', orgHandle: 'c d', orgUuid: 'x', tenant: 'e f', tokenUrl: 'nope', scope: '"' },
      response: null,
    },
    { name: 'three environments', jsonData: VALID, response: { data: { listEnvironments: ENVIRONMENTS } } },
    { name: 'one environment', jsonData: VALID, response: { data: { listEnvironments: ENVIRONMENTS.slice(0, 1) } } },
    {
      name: 'null entries are skipped',
      jsonData: VALID,
      response: { data: { listEnvironments: [null, ENVIRONMENTS[2], null] } },
    },
    { name: 'no environments', jsonData: VALID, response: { data: { listEnvironments: [] } } },
    { name: 'environment list null', jsonData: VALID, response: { data: { listEnvironments: null } } },
    {
      name: 'upper-case org UUID is reported lower-cased',
      jsonData: withField('orgUuid', '5B0D4E39-1C5A-4D3E-9F11-7A2C8E6B0D42'),
      response: { data: { listEnvironments: [] } },
    },
    {
      name: 'default environment is one of them',
      jsonData: withEnv(ENVIRONMENTS[2].id),
      response: { data: { listEnvironments: ENVIRONMENTS } },
    },
    {
      name: 'default environment unknown',
      jsonData: withEnv('00000000-0000-4000-8000-000000000000'),
      response: { data: { listEnvironments: ENVIRONMENTS } },
    },
    {
      name: 'default environment named by its name, not id',
      jsonData: withEnv('Production'),
      response: { data: { listEnvironments: ENVIRONMENTS } },
    },
    {
      name: 'GraphQL errors with data',
      jsonData: VALID,
      response: {
        data: { listEnvironments: ENVIRONMENTS },
        errors: [{ message: 'Access denied for organization x', path: ['listEnvironments', 0] }, { message: 'second' }],
      },
    },
  ];
}

/** Computes every vector file from the TypeScript as it is now. */
export async function buildVectors(): Promise<Record<keyof typeof VECTOR_FILES, unknown>> {
  if (typeof window === 'undefined') {
    // checkHealth's imports reach @grafana/runtime, which touches window when it loads.
    const { installDom } = await import('../testing/ship/lib/domShim');
    installDom();
  }
  const { validateSettings } = await import('../src/settings/validateSettings');
  const { resolveSettings } = await import('../src/settings/resolveSettings');
  const { resultCacheTtlMs } = await import('../src/settings/resultCacheTtl');
  const { checkHealth } = await import('../src/health/checkHealth');

  const validate: ValidateCase[] = validateInputs().map((input) => ({
    ...input,
    issues: validateSettings(input.jsonData as ChoreoOptions, input.secretConfigured ?? undefined).map((i) => ({
      key: i.key,
      message: i.message,
    })),
  }));

  const resolve: ResolveCase[] = resolveInputs().map((input) => ({
    ...input,
    resolved: {
      ...resolveSettings(input.jsonData as ChoreoOptions),
      resultCacheTtlMs: resultCacheTtlMs(input.jsonData as ChoreoOptions),
    },
  }));

  const health: HealthCase[] = [];
  for (const input of healthInputs()) {
    const jsonData = input.jsonData as ChoreoOptions;
    const client = {
      execute: async () => {
        if (!input.response) {
          throw new Error(`${input.name}: checkHealth called the API although the settings are invalid`);
        }
        return { data: input.response.data, errors: input.response.errors ?? [] };
      },
    };
    const result = await checkHealth(jsonData, resolveSettings(jsonData), client as never);
    health.push({
      ...input,
      expected: {
        status: result.status,
        message: result.message,
        ...(result.details ? { details: result.details } : {}),
      },
    });
  }

  const header = (what: string) =>
    `Generated by scripts/settingsVectors.ts from ${what}; do not edit by hand (npx tsx scripts/settingsVectors.ts). The Go backend must reproduce every case (pkg/plugin/vectors_test.go).`;
  return {
    validate: {
      description: header('src/settings/validateSettings.ts'),
      input:
        'jsonData as saved; secretConfigured: whether secureJsonData.consumerSecret is set (null: unknown, the check is skipped)',
      cases: validate,
    },
    resolve: {
      description: header('src/settings/resolveSettings.ts and src/settings/resultCacheTtl.ts'),
      cases: resolve,
    },
    health: {
      description: header('src/health/checkHealth.ts'),
      input:
        'jsonData as saved (the secret is not checked: secretConfigured unknown); response: the ListEnvironments GraphQL answer, null when the settings stop the check before any request',
      cases: health,
    },
  };
}

export function serialize(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const vectors = await buildVectors();
  let stale = 0;
  for (const [name, file] of Object.entries(VECTOR_FILES) as Array<[keyof typeof VECTOR_FILES, string]>) {
    const full = path.join(ROOT, file);
    const text = serialize(vectors[name]);
    const cases = (vectors[name] as { cases: unknown[] }).cases.length;
    if (check) {
      const current = fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : '';
      if (current !== text) {
        stale++;
        console.error(`${file} is out of date: run npx tsx scripts/settingsVectors.ts`);
      }
    } else {
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, text);
      console.log(`${file}: ${cases} cases`);
    }
  }
  // jsdom keeps timers alive; nothing else is pending.
  process.exit(stale ? 1 : 0);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exit(1);
  });
}
