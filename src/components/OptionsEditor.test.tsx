import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import './testing/jsdomShims';
import { QueryType } from '../types';
import { NOT_A_NUMBER } from './fields/NumberField';
import { Components } from './selectors';
import { choose } from './testing/combobox';
import { installTemplateVariables } from './testing/fakes';
import { renderQueryEditor } from './testing/renderQueryEditor';

/** An option's visible label, from the catalog (as the editor draws it). */
const label = (type: QueryType, name: string) => Components.QueryEditor.option(type, name).label;

jest.setTimeout(60000);
const user = userEvent.setup({ delay: null });
beforeEach(() => installTemplateVariables({}));

describe('options drawn from the catalog, per query type', () => {
  it('Overview KPI: picks the KPI by its console name', async () => {
    const { lastQuery, onRunQuery } = await renderQueryEditor({
      refId: 'A',
      queryType: QueryType.OverviewKpi,
      kpi: 'totalTraffic',
    });
    await choose(label(QueryType.OverviewKpi, 'kpi'), 'Error request count');
    expect(lastQuery()).toEqual({ refId: 'A', queryType: QueryType.OverviewKpi, kpi: 'errorCount' });
    expect(label(QueryType.OverviewKpi, 'kpi')).toBe('KPI');
    expect(onRunQuery).toHaveBeenCalledTimes(1);
  });

  it('Errors by status code: proxy/target and 4xx/5xx/all', async () => {
    const { lastQuery } = await renderQueryEditor({
      refId: 'A',
      queryType: QueryType.ErrorsByStatusCode,
      errorType: 'PROXY',
    });
    await user.click(screen.getByLabelText('Target'));
    expect(lastQuery()?.errorType).toBe('TARGET');
    await user.click(screen.getByLabelText('5xx'));
    expect(lastQuery()?.errorCodeType).toBe('_5XX');
    await user.click(screen.getByLabelText('All'));
    expect(lastQuery()?.errorCodeType).toBeUndefined();
  });

  it('Error details: one category, search on blur, max rows with a readable message', async () => {
    const { lastQuery, onChange, onRunQuery } = await renderQueryEditor({
      refId: 'A',
      queryType: QueryType.ErrorDetails,
    });
    await choose(label(QueryType.ErrorDetails, 'errorCategories'), 'Target connectivity');
    expect(lastQuery()?.errorCategories).toEqual(['TARGET_CONNECTIVITY']);

    await user.type(screen.getByLabelText(label(QueryType.ErrorDetails, 'search')), 'timeout');
    const calls = onChange.mock.calls.length;
    await user.tab();
    expect(onChange.mock.calls.length).toBe(calls + 1);
    expect(lastQuery()?.search).toBe('timeout');

    const maxRows = screen.getByLabelText(label(QueryType.ErrorDetails, 'maxRows'));
    await user.type(maxRows, 'lots');
    await user.tab();
    expect(screen.getByText(NOT_A_NUMBER)).toBeInTheDocument();
    expect(lastQuery()?.maxRows).toBeUndefined();

    const runs = onRunQuery.mock.calls.length;
    await user.clear(maxRows);
    await user.type(maxRows, '0');
    await user.tab();
    expect(lastQuery()?.maxRows).toBe(0);
    expect(screen.getByText('Max rows must be a whole number from 1 to 20000 (got 0).')).toBeInTheDocument();
    expect(onRunQuery.mock.calls.length).toBe(runs);
  });

  it('Error details: sort by a column or a typed one, and order', async () => {
    const { lastQuery } = await renderQueryEditor({ refId: 'A', queryType: QueryType.ErrorDetails });
    await choose(label(QueryType.ErrorDetails, 'sortBy'), 'Count');
    expect(lastQuery()?.sortBy).toBe('count');
    // Descending is the default, shown as chosen though the saved query does not say it.
    expect(screen.getByLabelText('Descending')).toBeChecked();
    await user.click(screen.getByLabelText('Ascending'));
    expect(lastQuery()?.sortOrder).toBe('asc');
  });

  it('Top slowest APIs: the limit, validated', async () => {
    const { lastQuery, onRunQuery } = await renderQueryEditor({
      refId: 'A',
      queryType: QueryType.TopSlowestApis,
      limit: 10,
    });
    const limit = screen.getByLabelText(label(QueryType.TopSlowestApis, 'limit'));
    await user.clear(limit);
    await user.type(limit, '5{Enter}');
    expect(lastQuery()?.limit).toBe(5);
    expect(onRunQuery).toHaveBeenCalledTimes(1);
    await user.clear(limit);
    await user.type(limit, '2.5');
    await user.tab();
    expect(screen.getByText('Limit must be a whole number of at least 1 (got 2.5).')).toBeInTheDocument();
    expect(onRunQuery).toHaveBeenCalledTimes(1);
  });

  it('Alert summary: category and search', async () => {
    const { lastQuery } = await renderQueryEditor({ refId: 'A', queryType: QueryType.AlertSummary });
    await choose(label(QueryType.AlertSummary, 'alertCategory'), 'Latency');
    expect(lastQuery()?.alertCategory).toBe('LATENCY');
    await user.type(screen.getByLabelText(label(QueryType.AlertSummary, 'search')), 'orders{Enter}');
    expect(lastQuery()?.search).toBe('orders');
  });

  it('Custom report: no group-by field is explained, choosing one runs', async () => {
    const { lastQuery, onRunQuery } = await renderQueryEditor({
      refId: 'A',
      queryType: QueryType.CustomReport,
      customReport: { mode: 'overTime', metric: 'HIT_COUNT', groupByFields: [] },
    });
    const none = 'A custom report groups by 1 to 3 fields: choose at least one group-by field.';
    expect(screen.getByText(none)).toBeInTheDocument();
    await choose(label(QueryType.CustomReport, 'groupByFields'), 'Platform');
    expect(lastQuery()?.customReport?.groupByFields).toEqual(['PLATFORM']);
    expect(screen.queryByText(none)).not.toBeInTheDocument();
    expect(onRunQuery).toHaveBeenCalledTimes(1);
  });

  it('Custom report: metric, mode and group-by values', async () => {
    const { lastQuery } = await renderQueryEditor({
      refId: 'A',
      queryType: QueryType.CustomReport,
      customReport: { mode: 'overTime', metric: 'HIT_COUNT', groupByFields: ['PLATFORM'] },
    });
    await choose(label(QueryType.CustomReport, 'metric'), 'Backend latency');
    expect(lastQuery()?.customReport?.metric).toBe('BACKEND_LATENCY');
    await user.click(screen.getByLabelText('Top over time'));
    expect(lastQuery()?.customReport?.mode).toBe('topOverTime');
    await user.type(screen.getByLabelText(label(QueryType.CustomReport, 'groupByValues')), 'Android{Enter}');
    expect(lastQuery()?.customReport).toEqual({
      mode: 'topOverTime',
      metric: 'BACKEND_LATENCY',
      groupByFields: ['PLATFORM'],
      groupByValues: ['Android'],
    });
  });

  it('List: picks the list kind', async () => {
    const { lastQuery } = await renderQueryEditor({ refId: 'A', queryType: QueryType.List, list: 'apis' });
    await choose(label(QueryType.List, 'list'), 'Applications');
    expect(lastQuery()?.list).toBe('applications');
  });

  it('Errors by category: categories multi-select', async () => {
    const { lastQuery } = await renderQueryEditor({
      refId: 'A',
      queryType: QueryType.ErrorsByCategory,
      errorCategories: [],
    });
    await choose(label(QueryType.ErrorsByCategory, 'errorCategories'), 'Authentication');
    expect(lastQuery()?.errorCategories).toEqual(['AUTH']);
  });
});
