import React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import type { DataSourceSettings } from '@grafana/data';

import { deepFreeze } from '../testUtils/deepFreeze';
import type { ChoreoOptions, ChoreoSecureOptions } from '../options';
import { ConfigEditor } from './ConfigEditor';

type Settings = DataSourceSettings<ChoreoOptions, ChoreoSecureOptions>;

function settings(jsonData: ChoreoOptions = {}, secretSet = false): Settings {
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
      'Default environment',
    ]) {
      expect(screen.getByLabelText(label)).toBeInTheDocument();
    }
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

  it('explains a non-http endpoint URL in the Advanced section', () => {
    setup(settings({ apiUrl: 'ftp://example.com/query' }));
    expect(screen.getByText('Insights API URL must start with http:// or https:// (got ftp:).')).toBeInTheDocument();
  });

  it('flags an unset secret once the user leaves the field', () => {
    setup(settings());
    fireEvent.blur(screen.getByLabelText('Consumer secret'));
    expect(screen.getByText('Consumer secret is required.')).toBeInTheDocument();
  });
});
