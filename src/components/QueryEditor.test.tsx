import React from 'react';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import './testing/jsdomShims';
import { QUERY_MODEL_VERSION, QueryType, type ChoreoQuery } from '../types';
import { DEFAULT_ENVIRONMENT_LABEL } from './fields/EnvironmentSelect';
import { QueryEditor } from './QueryEditor';
import { Components } from './selectors';
import { choose, openOptions } from './testing/combobox';
import { deepFreeze } from './testing/deepFreeze';
import { fakeDataSource, fakeMetadata, installTemplateVariables } from './testing/fakes';
import { renderQueryEditor } from './testing/renderQueryEditor';

// The GraphQL editor belongs to another module (and lazy-loads Monaco): only its wiring is ours.
jest.mock('./graphql/GraphQLQueryEditor', () => ({
  GraphQLQueryEditor: (props: { query: { refId: string } }) => <div>GraphQL editor for {props.query.refId}</div>,
}));

const Q = Components.QueryEditor;
// The catalog's texts (catalog/types/apiLatency.json, catalog/common.json).
const API_REQUIRED = 'Choose an API: latency is shown for one API at a time.';
const TOO_MANY_APIS = 'The Insights API filters by at most 5 APIs, but 6 are selected.';
const S = Q.Scope;

// Rendering Grafana UI in jsdom on a shared 2-core machine is slow.
jest.setTimeout(60000);
const user = userEvent.setup({ delay: null });
beforeEach(() => installTemplateVariables({ env: 'env-dev', api: 'api-pets' }));

describe('query type select', () => {
  it('offers every console view, grouped by console page', async () => {
    await renderQueryEditor({ refId: 'A', queryType: QueryType.ApiUsage });
    const options = await openOptions(Q.QueryType.label);
    expect(options).toEqual(
      expect.arrayContaining([expect.stringMatching(/^KPI/), expect.stringMatching(/^API latency/)])
    );
    for (const page of [
      'Overview',
      'Traffic',
      'Errors',
      'Latency',
      'Cache & devices',
      'Alerts',
      'Custom reports',
      'Lists',
      'GraphQL',
    ]) {
      expect(screen.getAllByText(page).length).toBeGreaterThan(0);
    }
  });

  it('switching type keeps the scope, drops the old options and applies the new defaults', async () => {
    const { lastQuery, onRunQuery } = await renderQueryEditor({
      refId: 'B',
      queryType: QueryType.TopSlowestApis,
      environmentId: 'env-dev',
      projectId: 'proj-1',
      apiIds: ['api-dev-only'],
      limit: 3,
    });
    await choose(Q.QueryType.label, 'Error details');
    expect(lastQuery()).toEqual({
      refId: 'B',
      queryType: QueryType.ErrorDetails,
      modelVersion: QUERY_MODEL_VERSION,
      environmentId: 'env-dev',
      projectId: 'proj-1',
      apiIds: ['api-dev-only'],
      // Error details buckets by time: a granularity (auto) like every type that takes one.
      granularity: 'auto',
      maxRows: 1000,
    });
    expect(onRunQuery).toHaveBeenCalledTimes(1);
  });

  it('a type that takes one API keeps only the first of several', async () => {
    const { lastQuery } = await renderQueryEditor({
      refId: 'A',
      queryType: QueryType.ApiUsage,
      apiIds: ['api-orders', 'api-pets'],
    });
    await choose(Q.QueryType.label, 'Cache hits and misses');
    expect(lastQuery()?.apiIds).toEqual(['api-orders']);
  });

  it('a new (empty) query gets the default type and runs without any typing', async () => {
    const { onChange, onRunQuery } = await renderQueryEditor({ refId: 'A' });
    await waitFor(() => expect(onRunQuery).toHaveBeenCalledTimes(1));
    expect(onChange).toHaveBeenCalledWith({
      refId: 'A',
      queryType: QueryType.RequestSummary,
      modelVersion: QUERY_MODEL_VERSION,
      granularity: 'auto',
    });
  });

  it('says so when a saved query has a type this version does not know', async () => {
    await renderQueryEditor({ refId: 'A', queryType: 'fromTheFuture' as QueryType });
    expect(screen.getByText('Unknown query type "fromTheFuture"')).toBeInTheDocument();
  });
});

describe('API latency validation', () => {
  it('asks for an API and does not run the query without one', async () => {
    const { lastQuery, onRunQuery } = await renderQueryEditor({ refId: 'A', queryType: QueryType.ApiUsage });
    await choose(Q.QueryType.label, 'API latency');
    expect(lastQuery()?.queryType).toBe(QueryType.ApiLatency);
    expect(await screen.findByText(API_REQUIRED)).toBeInTheDocument();
    expect(onRunQuery).not.toHaveBeenCalled();
  });

  it('runs once an API is chosen and the message goes away', async () => {
    const { lastQuery, onRunQuery } = await renderQueryEditor({ refId: 'A', queryType: QueryType.ApiLatency });
    expect(screen.getByText(API_REQUIRED)).toBeInTheDocument();
    await choose(S.Api.label, 'Orders API v1');
    expect(lastQuery()?.apiIds).toEqual(['api-orders']);
    expect(onRunQuery).toHaveBeenCalledTimes(1);
    expect(screen.queryByText(API_REQUIRED)).not.toBeInTheDocument();
  });

  it('accepts a dashboard variable as the API', async () => {
    const { lastQuery, onRunQuery } = await renderQueryEditor({ refId: 'A', queryType: QueryType.ApiLatency });
    await choose(S.Api.label, '$api');
    expect(lastQuery()?.apiIds).toEqual(['$api']);
    expect(onRunQuery).toHaveBeenCalledTimes(1);
  });
});

describe('scope row', () => {
  it('lists environments from the metadata service, the default choice and dashboard variables', async () => {
    const { metadata } = await renderQueryEditor({ refId: 'A', queryType: QueryType.ApiUsage });
    await waitFor(() => expect(metadata.environments).toHaveBeenCalled());
    const options = await openOptions(S.Environment.label);
    expect(options).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^${DEFAULT_ENVIRONMENT_LABEL.replace(/[()]/g, '\\$&')}`)),
        expect.stringMatching(/^Production/),
        expect.stringMatching(/^Development/),
        '$env',
        '$api',
      ])
    );
  });

  it('choosing an environment saves its id and runs', async () => {
    const { lastQuery, onRunQuery } = await renderQueryEditor({ refId: 'A', queryType: QueryType.ApiUsage });
    await choose(S.Environment.label, 'Development');
    expect(lastQuery()?.environmentId).toBe('env-dev');
    expect(onRunQuery).toHaveBeenCalledTimes(1);
  });

  it('choosing the default clears the environment id', async () => {
    const { lastQuery } = await renderQueryEditor({
      refId: 'A',
      queryType: QueryType.ApiUsage,
      environmentId: 'env-dev',
    });
    await choose(S.Environment.label, DEFAULT_ENVIRONMENT_LABEL);
    expect(lastQuery()?.environmentId).toBeUndefined();
  });

  it("lists APIs and applications of the data source's default environment when the query names none", async () => {
    const { metadata } = await renderQueryEditor({ refId: 'A', queryType: QueryType.ApiUsage });
    await waitFor(() => expect(metadata.apis).toHaveBeenCalledWith('env-prod'));
    expect(metadata.applications).toHaveBeenCalledWith('env-prod');
    const apis = await openOptions(S.Apis.label);
    expect(apis).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Orders API v1/),
        expect.stringMatching(/^Pets API v2/),
        '$env',
        '$api',
      ])
    );
  });

  it('lists the APIs of the environment a variable resolves to', async () => {
    const { metadata } = await renderQueryEditor({ refId: 'A', queryType: QueryType.ApiUsage, environmentId: '$env' });
    await waitFor(() => expect(metadata.apis).toHaveBeenCalledWith('env-dev'));
    const apis = await openOptions(S.Apis.label);
    expect(apis).toEqual(expect.arrayContaining([expect.stringMatching(/^Sandbox API v0/)]));
    expect(apis).not.toEqual(expect.arrayContaining([expect.stringMatching(/^Orders API/)]));
  });

  it('asks for an environment instead of listing when neither query nor data source names one', async () => {
    const { metadata } = await renderQueryEditor(
      { refId: 'A', queryType: QueryType.ApiUsage },
      { defaultEnvironmentId: '' }
    );
    expect(await screen.findByText(/Choose an environment .* to list its APIs/)).toBeInTheDocument();
    expect(metadata.apis).not.toHaveBeenCalled();
  });

  it('adds APIs to a multi-select and runs', async () => {
    const { lastQuery, onRunQuery } = await renderQueryEditor({
      refId: 'A',
      queryType: QueryType.ApiUsage,
      apiIds: ['api-orders'],
    });
    await choose(S.Apis.label, 'Pets API v2');
    expect(lastQuery()?.apiIds).toEqual(['api-orders', 'api-pets']);
    expect(onRunQuery).toHaveBeenCalledTimes(1);
  });

  it('adds applications', async () => {
    const { lastQuery } = await renderQueryEditor({ refId: 'A', queryType: QueryType.UsageByApplication });
    await choose(S.Applications.label, 'Shop');
    expect(lastQuery()?.appIds).toEqual(['app-shop']);
  });

  it('refuses more than five literal APIs with a message, not a failed request', async () => {
    const { onRunQuery } = await renderQueryEditor({
      refId: 'A',
      queryType: QueryType.ApiUsage,
      apiIds: ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'],
    });
    expect(screen.getByText(TOO_MANY_APIS)).toBeInTheDocument();
    expect(onRunQuery).not.toHaveBeenCalled();
  });

  it('sets the granularity', async () => {
    const { lastQuery } = await renderQueryEditor({
      refId: 'A',
      queryType: QueryType.RequestSummary,
      granularity: 'auto',
    });
    await choose(S.Granularity.label, '1 hour');
    expect(lastQuery()?.granularity).toBe('1h');
  });

  it('commits the project id on blur only', async () => {
    const { lastQuery, onChange, onRunQuery } = await renderQueryEditor({
      refId: 'A',
      queryType: QueryType.OverviewKpi,
    });
    await user.type(screen.getByLabelText(S.Project.label), '  proj-42 ');
    expect(onChange).not.toHaveBeenCalled();
    await user.tab();
    expect(lastQuery()?.projectId).toBe('proj-42');
    expect(onRunQuery).toHaveBeenCalledTimes(1);
  });

  it.each([
    [QueryType.OverviewKpi, [S.Environment, S.Project], [S.Api, S.Apis, S.Applications, S.Granularity]],
    [QueryType.ApiUsage, [S.Environment, S.Apis, S.Applications, S.Granularity], [S.Api, S.Application]],
    [QueryType.ErrorDetails, [S.Api, S.Application, S.Granularity], [S.Apis, S.Applications]],
    [QueryType.TopSlowestApis, [S.Environment], [S.Api, S.Apis, S.Granularity]],
  ])('%s shows only the scope fields it uses', async (queryType, shown, hidden) => {
    await renderQueryEditor({ refId: 'A', queryType });
    for (const f of shown) {
      expect(screen.getByLabelText(f.label)).toBeInTheDocument();
    }
    for (const f of hidden) {
      expect(screen.queryByLabelText(f.label)).not.toBeInTheDocument();
    }
  });
});

describe('GraphQL mode', () => {
  it("renders the GraphQL editor with the panel's query", async () => {
    await renderQueryEditor({ refId: 'G', queryType: QueryType.GraphQL });
    expect(screen.getByText('GraphQL editor for G')).toBeInTheDocument();
  });
});

describe('props', () => {
  it('never mutates the query it is given (frozen props, plain render)', async () => {
    const query: ChoreoQuery = deepFreeze({
      refId: 'A',
      queryType: QueryType.ErrorsByCategory,
      errorCategories: ['AUTH'],
      apiIds: ['api-orders'],
    });
    const onChange = jest.fn();
    const metadata = fakeMetadata();
    render(
      <QueryEditor query={query} onChange={onChange} onRunQuery={jest.fn()} datasource={fakeDataSource(metadata)} />
    );
    await act(async () => {});
    await choose(Q.option(QueryType.ErrorsByCategory, 'errorCategories').label, 'Throttling');
    expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ errorCategories: ['AUTH', 'THROTTLED'] }));
    expect(query.errorCategories).toEqual(['AUTH']);
  });
});
