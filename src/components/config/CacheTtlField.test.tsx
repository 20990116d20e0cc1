import React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import type { DataSourceSettings } from '@grafana/data';

import type { ChoreoOptions, ChoreoSecureOptions } from '../../options';
import { ConfigEditor } from '../ConfigEditor';
import { CACHE_TTL_LABEL } from './CacheTtlField';
// The config page holds Combobox (default environment), which needs what jsdom lacks.
import '../testing/jsdomShims';

function setup(jsonData: ChoreoOptions) {
  const onOptionsChange = jest.fn();
  // Only jsonData and the secret fields are read by the config page.
  const options = { jsonData, secureJsonFields: {} } as unknown as DataSourceSettings<
    ChoreoOptions,
    ChoreoSecureOptions
  >;
  render(<ConfigEditor options={options} onOptionsChange={onOptionsChange} />);
  return { onOptionsChange, input: screen.getByLabelText(CACHE_TTL_LABEL) };
}

describe('Result cache TTL on the config page', () => {
  it('shows the saved value and stores a valid one as a number', () => {
    const { onOptionsChange, input } = setup({ resultCacheTtlSeconds: 30, tenant: 't' });
    expect(input).toHaveValue(30);
    fireEvent.change(input, { target: { value: '120' } });
    expect(onOptionsChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ jsonData: { resultCacheTtlSeconds: 120, tenant: 't' } })
    );
  });

  it('shows an error for an out-of-range value and does not store it', () => {
    const { onOptionsChange, input } = setup({});
    fireEvent.change(input, { target: { value: '7200' } });
    expect(screen.getByText('A whole number of seconds from 0 to 3600.')).toBeInTheDocument();
    expect(onOptionsChange).not.toHaveBeenCalled();
  });

  it('clearing the field turns the cache off', () => {
    const { onOptionsChange, input } = setup({ resultCacheTtlSeconds: 30 });
    fireEvent.change(input, { target: { value: '' } });
    expect(onOptionsChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ jsonData: { resultCacheTtlSeconds: undefined } })
    );
  });
});
