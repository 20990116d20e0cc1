import React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import type { DataSource } from '../datasource';
import type { VariableQuery } from '../variables/variableQuery';
import { VariableQueryEditor } from './VariableQueryEditor';

// Combobox needs canvas text metrics, IntersectionObserver and a laid-out menu.
import './testing/jsdomShims';

// Combobox under user-event is slow in jsdom, more so on a busy 2-core machine.
jest.setTimeout(60_000);

const datasource = { settings: { defaultEnvironmentId: 'env-default' } } as unknown as DataSource;

function setup(query: Partial<VariableQuery>) {
  const onChange = jest.fn();
  render(
    <VariableQueryEditor
      query={{ refId: 'v', list: 'environments', ...query } as VariableQuery}
      onChange={onChange}
      onRunQuery={jest.fn()}
      datasource={datasource}
    />
  );
  return onChange;
}

describe('VariableQueryEditor', () => {
  it('names the List select after its visible label', () => {
    setup({ list: 'environments' });
    const list = screen.getByRole('combobox', { name: 'List' });
    expect(list).toHaveValue('Environments');
    expect(screen.getByText('List', { selector: 'label' })).toBeVisible();
  });

  it('switches the list from the select found by its name', async () => {
    const onChange = setup({ list: 'environments' });
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('combobox', { name: 'List' }));
    const listbox = screen.getByRole('listbox', { name: 'List' });
    await user.click(within(listbox).getByRole('option', { name: /^APIs/ }));
    expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ list: 'apis' }));
  });

  it('asks for no environment when listing environments', () => {
    setup({ list: 'environments' });
    expect(screen.queryByLabelText('Environment')).not.toBeInTheDocument();
  });

  it('scopes APIs to an environment, defaulting to the data source one', () => {
    const onChange = setup({ list: 'apis' });
    const env = screen.getByLabelText('Environment');
    expect(env).toHaveAttribute('placeholder', 'env-default');
    fireEvent.blur(env, { target: { value: ' $environment ' } });
    expect(onChange).toHaveBeenCalledWith({ refId: 'v', list: 'apis', environmentId: '$environment' });
  });

  it('explains that projects are a static list and saves it', () => {
    const onChange = setup({ list: 'projects' });
    expect(screen.getByText(/The Insights API cannot list projects/)).toBeInTheDocument();
    fireEvent.blur(screen.getByLabelText('Projects'), { target: { value: 'Orders = p-1' } });
    expect(onChange).toHaveBeenCalledWith({ refId: 'v', list: 'projects', projects: 'Orders = p-1' });
  });
});
