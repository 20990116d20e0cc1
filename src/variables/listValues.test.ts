import type { GraphQLRequest } from '../client/graphqlClient';
import type { MetadataService } from '../metadata/metadataService';
import { fakeClient, fakeDeps } from '../graphql/testing/deps';
import { listValues } from './listValues';
import { normalizeVariableQuery, parseStaticList } from './variableQuery';

function deps(answer: (req: GraphQLRequest) => unknown = () => ({ data: {}, errors: [] })) {
  const { client, calls } = fakeClient(answer);
  const d = fakeDeps(client, { env: 'env-2' });
  const metadata = {
    environments: jest.fn(async () => [
      { id: 'e2', name: 'Production' },
      { id: 'e1', name: 'Development' },
    ]),
    apis: jest.fn(async () => [{ id: 'a1', name: 'Pets', version: '1.0', provider: 'p' }]),
    applications: jest.fn(async () => [{ id: 'app1', name: 'Shop', owner: 'o' }]),
  };
  d.metadata = metadata as unknown as MetadataService;
  return { deps: d, calls, metadata };
}

describe('listValues', () => {
  it('lists environments from the metadata service, text = name, value = id, sorted', async () => {
    const { deps: d } = deps();
    expect(await listValues({ refId: 'v', list: 'environments' }, d)).toEqual([
      { text: 'Development', value: 'e1' },
      { text: 'Production', value: 'e2' },
    ]);
  });

  it("puts the data source's default environment first, so dashboards open on it", async () => {
    const { deps: d } = deps();
    d.settings = { ...d.settings, defaultEnvironmentId: 'e2' };
    expect(await listValues({ refId: 'v', list: 'environments' }, d)).toEqual([
      { text: 'Production', value: 'e2' },
      { text: 'Development', value: 'e1' },
    ]);
  });

  it('lists APIs and applications of the (interpolated) environment', async () => {
    const { deps: d, metadata } = deps();
    expect(await listValues({ refId: 'v', list: 'apis', environmentId: '$env' }, d)).toEqual([
      { text: 'Pets 1.0', value: 'a1' },
    ]);
    expect(metadata.apis).toHaveBeenCalledWith('env-2');
    expect(await listValues({ refId: 'v', list: 'applications' }, d)).toEqual([{ text: 'Shop', value: 'app1' }]);
    expect(metadata.applications).toHaveBeenCalledWith('env-1');
  });

  it('queries providers, subscribers and tenants directly with the scope', async () => {
    const { deps: d, calls } = deps((req) => ({
      data: {
        listProviders: [{ name: 'admin' }, null],
        listSubscribers: [{ name: 'bob' }],
        listTenants: ['carbon.super'],
      },
      errors: [],
    }));
    expect(await listValues({ refId: 'v', list: 'providers', projectId: 'p1' }, d)).toEqual([
      { text: 'admin', value: 'admin' },
    ]);
    expect(calls[0].variables).toEqual({
      dataFilter: { orgId: 'org-uuid', tenant: 'carbon.super', environmentId: 'env-1', projectId: 'p1' },
    });
    expect(await listValues({ refId: 'v', list: 'subscribers' }, d)).toEqual([{ text: 'bob', value: 'bob' }]);
    expect(await listValues({ refId: 'v', list: 'tenants' }, d)).toEqual([
      { text: 'carbon.super', value: 'carbon.super' },
    ]);
    expect(calls[2].variables).toEqual({ filter: { orgId: 'org-uuid', envId: 'env-1' } });
  });

  it('serves projects from the static list', async () => {
    const { deps: d, calls } = deps();
    expect(await listValues({ refId: 'v', list: 'projects', projects: 'Orders = p-1\n# old\np-2\n' }, d)).toEqual([
      { text: 'Orders', value: 'p-1' },
      { text: 'p-2', value: 'p-2' },
    ]);
    expect(calls).toEqual([]);
  });

  it('asks for an environment when neither the query nor the settings give one', async () => {
    const { deps: d } = deps();
    d.settings = { ...d.settings, defaultEnvironmentId: '' };
    await expect(listValues({ refId: 'v', list: 'apis' }, d)).rejects.toThrow(/needs an environment/);
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
