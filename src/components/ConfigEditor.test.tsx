import React from 'react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DataSourceSettings } from '@grafana/data';

import { DEFAULT_API_URL, DEFAULT_TOKEN_URL } from '../constants';
import { deepFreeze } from '../testUtils/deepFreeze';
import type { EnvironmentInfo } from '../metadata/metadataService';
import type { ChoreoOptions, ChoreoSecureOptions } from '../options';
import { EU_TOKEN_URL } from '../settings/regions';
import { ConfigEditor } from './ConfigEditor';
// Combobox needs canvas text metrics, IntersectionObserver and a laid-out menu.
import './testing/jsdomShims';

// Combobox under user-event is slow in jsdom, more so on a busy 2-core machine.
jest.setTimeout(60_000);

// The config editor lists environments through the saved data source: getDataSourceSrv().get(uid).
const environments = jest.fn<Promise<EnvironmentInfo[]>, []>();
const getDataSource = jest.fn(async (_uid?: string) => ({ metadata: { environments } }));
jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getDataSourceSrv: () => ({ get: (uid: string) => getDataSource(uid) }),
}));

const EMULATOR_ENVIRONMENTS: EnvironmentInfo[] = [
  { id: 'env-dev', name: 'Development', type: 'CHOREO' },
  { id: 'env-stg', name: 'Staging', type: 'CHOREO' },
  { id: 'env-prod', name: 'Production', type: 'CHOREO' },
];

beforeEach(() => {
  environments.mockReset().mockResolvedValue(EMULATOR_ENVIRONMENTS);
  getDataSource.mockClear();
});

type Settings = DataSourceSettings<ChoreoOptions, ChoreoSecureOptions>;

function settings(jsonData: ChoreoOptions = {}, secretSet = false, version = 1): Settings {
  return deepFreeze({
    id: 1,
    uid: 'choreo',
    orgId: 1,
    name: 'Choreo Insights',
    type: 'choreo-insights-datasource',
    typeName: 'Choreo Insights',
    typeLogoUrl: '',
    access: 'proxy',
    url: '',
    user: '',
    basicAuth: false,
    basicAuthUser: '',
    isDefault: false,
    jsonData,
    secureJsonFields: secretSet ? { consumerSecret: true } : {},
    readOnly: false,
    withCredentials: false,
    version,
  } as Settings);
}

function setup(options: Settings) {
  const onOptionsChange = jest.fn();
  const utils = render(<ConfigEditor options={options} onOptionsChange={onOptionsChange} />);
  return { onOptionsChange, ...utils };
}

describe('ConfigEditor', () => {
  it('renders every setting and does not call onOptionsChange without a user edit', () => {
    const { onOptionsChange, rerender } = setup(settings());
    for (const label of [
      'Consumer key',
      'Consumer secret',
      'Organization handle',
      'Organization UUID',
      'Tenant',
    ]) {
      expect(screen.getByLabelText(label)).toBeInTheDocument();
    }
    expect(screen.getByRole('combobox', { name: 'Default environment' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Choreo US' })).toBeInTheDocument();
    rerender(<ConfigEditor options={settings({ consumerKey: 'k' })} onOptionsChange={onOptionsChange} />);
    expect(onOptionsChange).not.toHaveBeenCalled();
  });

  it('trims pasted whitespace and writes identifiers to jsonData without mutating props', () => {
    const options = settings({ tenant: 'carbon.super' });
    const { onOptionsChange } = setup(options);
    fireEvent.change(screen.getByLabelText('Consumer key'), { target: { value: '  abc123  ' } });
    expect(onOptionsChange).toHaveBeenCalledTimes(1);
    const next: Settings = onOptionsChange.mock.calls[0][0];
    expect(next.jsonData).toEqual({ tenant: 'carbon.super', consumerKey: 'abc123' });
    expect(options.jsonData).toEqual({ tenant: 'carbon.super' });
  });

  it('keeps the secret out of jsonData and sends it to secureJsonData only', () => {
    const { onOptionsChange } = setup(settings());
    fireEvent.change(screen.getByLabelText('Consumer secret'), { target: { value: ' s3cret ' } });
    const next: Settings = onOptionsChange.mock.calls[0][0];
    expect(next.secureJsonData).toEqual({ consumerSecret: 's3cret' });
    expect(JSON.stringify(next.jsonData)).not.toContain('s3cret');
  });

  it('shows a configured secret as configured with a Reset that clears it', () => {
    const { onOptionsChange } = setup(settings({}, true));
    const reset = screen.getByRole('button', { name: /reset/i });
    expect(screen.getByLabelText('Consumer secret')).toHaveValue('configured');
    fireEvent.click(reset);
    const next: Settings = onOptionsChange.mock.calls[0][0];
    expect(next.secureJsonFields).toEqual({ consumerSecret: false });
    expect(next.secureJsonData).toEqual({ consumerSecret: '' });
  });

  it('explains a malformed organization UUID inline', () => {
    setup(settings({ orgUuid: 'demo-org' }));
    expect(screen.getByText(/Organization UUID must be a UUID like/)).toBeInTheDocument();
  });

  it('flags an empty required field once the user leaves it', () => {
    setup(settings());
    expect(screen.queryByText('Organization handle is required.')).not.toBeInTheDocument();
    fireEvent.blur(screen.getByLabelText('Organization handle'));
    expect(screen.getByText('Organization handle is required.')).toBeInTheDocument();
  });

  it('explains a non-http endpoint URL (a custom endpoint)', () => {
    setup(settings({ apiUrl: 'ftp://example.com/query' }));
    expect(screen.getByRole('radio', { name: 'Custom' })).toBeChecked();
    expect(screen.getByText('Insights API URL must start with http:// or https:// (got ftp:).')).toBeInTheDocument();
  });

  it('flags an unset secret once the user leaves the field', () => {
    setup(settings());
    fireEvent.blur(screen.getByLabelText('Consumer secret'));
    expect(screen.getByText('Consumer secret is required.')).toBeInTheDocument();
  });
});

const SAVED = { consumerKey: 'choreo-demo-key', orgUuid: '5b0d4e39-1c5a-4d3e-9f11-7a2c8e6b0d42' };

describe('ConfigEditor region', () => {
  it('defaults to Choreo US with its endpoints shown and fixed', () => {
    setup(settings());
    expect(screen.getByRole('radio', { name: 'Choreo US' })).toBeChecked();
    expect(screen.getByLabelText('Token URL')).toHaveValue(DEFAULT_TOKEN_URL);
    expect(screen.getByLabelText('Token URL')).toHaveAttribute('readonly');
    expect(screen.getByLabelText('Insights API URL')).toHaveValue(DEFAULT_API_URL);
  });

  it('Choreo EU writes the EU token URL and asks for the Insights API URL, saying where to find it', () => {
    const options = settings({ consumerKey: 'k' });
    const { onOptionsChange, rerender } = setup(options);
    fireEvent.click(screen.getByRole('radio', { name: 'Choreo EU' }));
    const next: Settings = onOptionsChange.mock.calls[0][0];
    // The route renders these URLs with Go templates: they must be in jsonData, not implied.
    expect(next.jsonData).toEqual({ consumerKey: 'k', region: 'eu', tokenUrl: EU_TOKEN_URL, apiUrl: '' });
    expect(options.jsonData).toEqual({ consumerKey: 'k' });

    rerender(<ConfigEditor options={deepFreeze(next)} onOptionsChange={onOptionsChange} />);
    expect(screen.getByLabelText('Token URL')).toHaveValue(EU_TOKEN_URL);
    expect(screen.getByLabelText('Insights API URL')).not.toHaveAttribute('readonly');
    expect(screen.getByText(/Choreo EU needs the Insights API URL, which WSO2 does not document/)).toBeInTheDocument();
    expect(
      screen.getAllByText(/subscribed Insights API → Endpoints \(host choreocontrolplane\.eu\.choreo\.dev\)/).length
    ).toBeGreaterThan(0);
  });

  it('Choreo EU accepts a pasted EU Insights API URL and refuses another host', () => {
    const eu = { region: 'eu' as const, tokenUrl: EU_TOKEN_URL };
    const { unmount } = setup(
      settings({ ...eu, apiUrl: 'https://choreocontrolplane.eu.choreo.dev/x/insights/1.0.0/query-api' })
    );
    expect(screen.queryByText(/needs the Insights API URL/)).not.toBeInTheDocument();
    unmount();
    setup(settings({ ...eu, apiUrl: DEFAULT_API_URL }));
    expect(
      screen.getByText(/Insights API is on choreocontrolplane\.eu\.choreo\.dev; choose Custom/)
    ).toBeInTheDocument();
  });

  it('Custom makes both URLs editable, starting from the endpoints in use', () => {
    const { onOptionsChange, rerender } = setup(
      settings({ region: 'us', tokenUrl: DEFAULT_TOKEN_URL, apiUrl: DEFAULT_API_URL })
    );
    fireEvent.click(screen.getByRole('radio', { name: 'Custom' }));
    const next: Settings = onOptionsChange.mock.calls[0][0];
    expect(next.jsonData).toEqual({ region: 'custom', tokenUrl: DEFAULT_TOKEN_URL, apiUrl: DEFAULT_API_URL });
    rerender(<ConfigEditor options={deepFreeze(next)} onOptionsChange={onOptionsChange} />);
    fireEvent.change(screen.getByLabelText('Token URL'), { target: { value: 'http://127.0.0.1:4000/oauth2/token' } });
    expect(onOptionsChange.mock.calls[1][0].jsonData.tokenUrl).toBe('http://127.0.0.1:4000/oauth2/token');
  });

  it('shows a data source saved before regions existed under the region its URLs match', () => {
    setup(settings({ tokenUrl: 'http://127.0.0.1:4000/oauth2/token' }));
    expect(screen.getByRole('radio', { name: 'Custom' })).toBeChecked();
  });
});

describe('ConfigEditor default environment', () => {
  const user = userEvent.setup({ delay: null });

  async function openList() {
    await user.click(screen.getByRole('combobox', { name: 'Default environment' }));
    return screen.findByRole('listbox');
  }

  it('before the first save, explains that the list appears after Save & test and asks nothing', async () => {
    setup(settings({ consumerKey: 'k' }));
    expect(screen.getByText(/The list of your environments appears after Save & test/)).toBeInTheDocument();
    await act(async () => undefined);
    expect(getDataSource).not.toHaveBeenCalled();
  });

  it('once the credentials are saved, lists the environments of the saved data source to pick from', async () => {
    const { onOptionsChange } = setup(settings(SAVED, true));
    expect(await screen.findByText(/Pick one, or type an environment id/)).toBeInTheDocument();
    expect(getDataSource).toHaveBeenCalledWith('choreo');
    const listbox = await openList();
    const names = within(listbox)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(names).toEqual([
      expect.stringContaining('Development'),
      expect.stringContaining('Staging'),
      expect.stringContaining('Production'),
    ]);
    await user.click(within(listbox).getByRole('option', { name: /^Staging/ }));
    expect(onOptionsChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ jsonData: { ...SAVED, defaultEnvironmentId: 'env-stg' } })
    );
  });

  it('still takes a typed environment id', async () => {
    const { onOptionsChange } = setup(settings(SAVED, true));
    await screen.findByText(/Pick one/);
    await user.type(screen.getByRole('combobox', { name: 'Default environment' }), 'private-env-1');
    const listbox = await screen.findByRole('listbox');
    await user.click(within(listbox).getByRole('option', { name: /private-env-1/ }));
    expect(onOptionsChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ jsonData: { ...SAVED, defaultEnvironmentId: 'private-env-1' } })
    );
  });

  it('shows a saved id that is not listed, and says why the list is missing when listing fails', async () => {
    environments.mockRejectedValue(new Error('Authentication to data source failed'));
    setup(settings({ ...SAVED, defaultEnvironmentId: 'env-gone' }, true));
    expect(
      await screen.findByText(/Could not list the environments \(Authentication to data source failed\)/)
    ).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Default environment' })).toHaveValue('env-gone');
  });

  it('lists again after each save (a new version of the settings)', async () => {
    const { onOptionsChange, rerender } = setup(settings(SAVED, true, 1));
    await screen.findByText(/Pick one/);
    rerender(<ConfigEditor options={settings(SAVED, true, 2)} onOptionsChange={onOptionsChange} />);
    await screen.findByText(/Pick one/);
    expect(environments).toHaveBeenCalledTimes(2);
  });
});
