import React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';

import type { DataSource } from '../datasource';
import type { VariableQuery } from '../variables/variableQuery';
import { VariableQueryEditor } from './VariableQueryEditor';

// Combobox measures option text on a canvas, which jsdom does not implement.
beforeAll(() => {
  jest
    .spyOn(HTMLCanvasElement.prototype, 'getContext')
    .mockImplementation(
      () => ({ measureText: () => ({ width: 100 }), font: '' }) as unknown as CanvasRenderingContext2D
    );
});

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
