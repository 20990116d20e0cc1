import type { DataFrame, DataQueryRequest } from '@grafana/data';
import { lastValueFrom } from 'rxjs';

import type { Answers } from '../../testing/fakes/transport';
import { fakeDataSource, request } from '../runner/testing/runTarget';
import type { ChoreoOptions } from '../options';
import type { ChoreoVariableSupport } from './ChoreoVariableSupport';
import { normalizeVariableQuery, parseStaticList, type VariableQuery } from './variableQuery';

const ENVIRONMENTS = {
  data: {
    listEnvironments: [
      { id: 'e2', name: 'Production' },
      { id: 'e1', name: 'Development' },
    ],
  },
};

function setup(
  answers: Answers = {},
  jsonData: ChoreoOptions = { orgUuid: 'ORG-UUID', defaultEnvironmentId: 'env-1' }
) {
  const { ds, deps } = fakeDataSource(
    {
      ListEnvironments: ENVIRONMENTS,
      ListApis: { data: { listAllAPI: [{ id: 'a1', name: 'Pets', version: '1.0', provider: 'p' }] } },
      ListApplications: { data: { listApplications: [{ id: 'app1', name: 'Shop', owner: 'o' }] } },
      ...answers,
    },
    { jsonData, vars: { env: 'env-2' } }
  );
  const support = ds.variables as ChoreoVariableSupport;
  /** The variable's values as Grafana reads them: the `text` and `value` fields of the frame. */
  const list = async (query: Partial<VariableQuery>) => {
    const req = request([]) as unknown as DataQueryRequest<VariableQuery>;
    const res = await lastValueFrom(
      support.query({ ...req, targets: [{ refId: 'v', list: 'environments', ...query }] })
    );
    if (res.errors?.length) {
      return { errors: res.errors.map((e) => e.message) };
    }
    const frame = res.data[0] as DataFrame;
    const field = (name: string) => [...(frame.fields.find((f) => f.name === name)?.values ?? [])];
    const text = field('text');
    const value = field('value');
    return text.map((t, i) => ({ text: t, value: value[i] }));
  };
  return { list, transport: deps.transport };
}

describe('template variables', () => {
  it('lists environments, text = name, value = id, sorted', async () => {
    const { list, transport } = setup();
    expect(await list({ list: 'environments' })).toEqual([
      { text: 'Development', value: 'e1' },
      { text: 'Production', value: 'e2' },
    ]);
    expect(transport.requests.map((r) => [r.operationName, r.variables])).toEqual([
      ['ListEnvironments', { org: { orgId: 'org-uuid' } }],
    ]);
  });

  it("puts the data source's default environment first, so dashboards open on it", async () => {
    const { list } = setup({}, { orgUuid: 'ORG-UUID', defaultEnvironmentId: 'e2' });
    expect(await list({ list: 'environments' })).toEqual([
      { text: 'Production', value: 'e2' },
      { text: 'Development', value: 'e1' },
    ]);
  });

  it('lists APIs and applications of the (interpolated) environment', async () => {
    const { list, transport } = setup();
    expect(await list({ list: 'apis', environmentId: '$env' })).toEqual([{ text: 'Pets 1.0', value: 'a1' }]);
    expect(transport.sent('ListApis').map((r) => r.variables)).toEqual([
      { dataFilter: { orgId: 'org-uuid', tenant: 'carbon.super', environmentId: 'env-2' } },
    ]);
    expect(await list({ list: 'applications' })).toEqual([{ text: 'Shop', value: 'app1' }]);
    expect(transport.sent('ListApplications').map((r) => r.variables)).toEqual([
      { dataFilter: { orgId: 'org-uuid', tenant: 'carbon.super', environmentId: 'env-1' } },
    ]);
  });

  it('queries providers, subscribers and tenants with the scope', async () => {
    const { list, transport } = setup({
      ListProviders: { data: { listProviders: [{ name: 'admin' }, null] } },
      ListSubscribers: { data: { listSubscribers: [{ name: 'bob' }] } },
      ListTenants: { data: { listTenants: ['carbon.super'] } },
    });
    expect(await list({ list: 'providers', projectId: 'p1' })).toEqual([{ text: 'admin', value: 'admin' }]);
    expect(transport.sent('ListProviders')[0].variables).toEqual({
      dataFilter: { orgId: 'org-uuid', tenant: 'carbon.super', environmentId: 'env-1', projectId: 'p1' },
    });
    expect(await list({ list: 'subscribers' })).toEqual([{ text: 'bob', value: 'bob' }]);
    expect(await list({ list: 'tenants' })).toEqual([{ text: 'carbon.super', value: 'carbon.super' }]);
    expect(transport.sent('ListTenants')[0].variables).toEqual({ filter: { orgId: 'org-uuid', envId: 'env-1' } });
  });

  it('serves projects from the static list', async () => {
    const { list, transport } = setup();
    expect(await list({ list: 'projects', projects: 'Orders = p-1\n# old\np-2\n' })).toEqual([
      { text: 'Orders', value: 'p-1' },
      { text: 'p-2', value: 'p-2' },
    ]);
    expect(transport.requests).toEqual([]);
  });

  it("lists the organization's first environment's APIs when neither the query nor the settings name one", async () => {
    const { list, transport } = setup({}, { orgUuid: 'ORG-UUID' });
    expect(await list({ list: 'apis' })).toEqual([{ text: 'Pets 1.0', value: 'a1' }]);
    expect(transport.sent('ListApis')[0].variables).toEqual({
      dataFilter: { orgId: 'org-uuid', tenant: 'carbon.super', environmentId: 'e2' },
    });
  });

  it("reports the runner's error as the variable's error", async () => {
    const { list, transport } = setup({}, {});
    expect(await list({ list: 'apis' })).toEqual({
      errors: ['The data source has no organization UUID: set it in the data source settings.'],
    });
    expect(transport.requests).toEqual([]);
  });
});

describe('variable query model', () => {
  it('normalizes missing and string models', () => {
    expect(normalizeVariableQuery(undefined)).toEqual({ refId: 'variable', list: 'environments' });
    expect(normalizeVariableQuery('apis')).toEqual({ refId: 'variable', list: 'apis' });
  });

  it('parses name = id lines, keeping "=" inside names', () => {
    expect(parseStaticList('a=b = c')).toEqual([{ text: 'a=b', value: 'c' }]);
  });
});
