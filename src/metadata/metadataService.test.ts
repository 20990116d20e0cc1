/** @jest-environment node */
import { FakeTransport } from '../../testing/fakes/transport';
import { InsightsError } from '../client/errors';
import { resolveSettings } from '../settings/resolveSettings';
import { ApiNameMap, formatApiName, splitCompositeApiId, UNKNOWN_API } from './apiDisplayName';
import { METADATA_TTL_MS, MetadataService } from './metadataService';

const APIS = [
  { id: 'a1', name: 'Orders API', version: 'v1', provider: 'alice' },
  { id: 'a2', name: 'Payments', version: '2.0.0', provider: 'bob' },
  null,
];

const settings = resolveSettings({ orgUuid: 'ORG-1', defaultEnvironmentId: 'env-1' });

describe('MetadataService', () => {
  it('lists environments with the org filter and drops null entries', async () => {
    const client = new FakeTransport(
      { ListEnvironments: { data: { listEnvironments: [{ id: 'e1', name: 'Development', type: 'CHOREO' }, null] } } },
      { defaults: false }
    );
    const calls = client.requests;
    const svc = new MetadataService(client, settings);
    await expect(svc.environments()).resolves.toEqual([{ id: 'e1', name: 'Development', type: 'CHOREO' }]);
    expect(calls[0].variables).toEqual({ org: { orgId: 'org-1' } });
    expect(calls[0].operationName).toBe('ListEnvironments');
  });

  it('lists APIs and applications of an environment with a full dataFilter', async () => {
    const client = new FakeTransport(
      {
        ListApis: { data: { listAllAPI: APIS } },
        ListApplications: { data: { listApplications: [{ id: 'app1', name: 'Shop', owner: 'carol' }] } },
      },
      { defaults: false }
    );
    const calls = client.requests;
    const svc = new MetadataService(client, settings);
    expect(await svc.apis('env-9')).toHaveLength(2);
    expect(await svc.applications('env-9')).toEqual([{ id: 'app1', name: 'Shop', owner: 'carol' }]);
    expect(calls.map((c) => c.variables)).toEqual([
      { dataFilter: { orgId: 'org-1', tenant: 'carbon.super', environmentId: 'env-9' } },
      { dataFilter: { orgId: 'org-1', tenant: 'carbon.super', environmentId: 'env-9' } },
    ]);
  });

  it('shares one request between concurrent identical calls and caches for the TTL', async () => {
    let now = 1_000;
    const client = new FakeTransport({ ListApis: { data: { listAllAPI: APIS } } }, { defaults: false });
    const calls = client.requests;
    const svc = new MetadataService(client, settings, { now: () => now });
    const [a, b] = await Promise.all([svc.apis('env-1'), svc.apis('env-1')]);
    expect(a).toBe(b);
    expect(calls).toHaveLength(1);
    now += METADATA_TTL_MS - 1;
    await svc.apis('env-1');
    expect(calls).toHaveLength(1);
    await svc.apis('env-2');
    expect(calls).toHaveLength(2);
    now += 1;
    await svc.apis('env-1');
    expect(calls).toHaveLength(3);
  });

  it('does not cache failures', async () => {
    let fail = true;
    const client = new FakeTransport(
      {
        ListEnvironments: () =>
          fail ? new InsightsError('server', 'boom') : { data: { listEnvironments: [{ id: 'e1', name: 'Dev' }] } },
      },
      { defaults: false }
    );
    const calls = client.requests;
    const svc = new MetadataService(client, settings);
    await expect(svc.environments()).rejects.toThrow('boom');
    fail = false;
    await expect(svc.environments()).resolves.toEqual([{ id: 'e1', name: 'Dev', type: undefined }]);
    expect(calls).toHaveLength(2);
  });

  it('resolves API display names and ids from UUIDs, composites and null', async () => {
    const client = new FakeTransport({ ListApis: { data: { listAllAPI: APIS } } }, { defaults: false });
    const names = await new MetadataService(client, settings).apiNameMap('env-1');
    expect(names.name('a1')).toBe('Orders API v1');
    expect(names.name('a2')).toBe('Payments 2.0.0');
    expect(names.name('Orders API - v1')).toBe('Orders API v1');
    expect(names.name(null)).toBe(UNKNOWN_API);
    expect(names.name('unknown-uuid')).toBe('unknown-uuid');
    expect(names.id('a1')).toBe('a1');
    expect(names.id('Orders API - v1')).toBe('a1');
    expect(names.id('Unknown - 9')).toBe('Unknown - 9');
    expect(names.id(null)).toBeNull();
    expect(names.id(7)).toBe('7');
    expect(client.requests).toHaveLength(1);
  });
});

describe('API display names', () => {
  it('writes name and version as the console does', () => {
    expect(formatApiName('Orders API', 'v1')).toBe('Orders API v1');
    expect(formatApiName('Orders API', ' 1.0.0 ')).toBe('Orders API 1.0.0');
    expect(formatApiName('Orders API', '')).toBe('Orders API');
  });

  it('splits composites on the last " - "', () => {
    expect(splitCompositeApiId('Buy - Sell - 1.0')).toEqual({ name: 'Buy - Sell', version: '1.0' });
    expect(splitCompositeApiId('plain')).toBeNull();
    expect(splitCompositeApiId(' - 1.0')).toBeNull();
  });

  it('maps empty ids to Unknown API', () => {
    const map = new ApiNameMap([]);
    expect(map.name('')).toBe(UNKNOWN_API);
    expect(map.name(undefined)).toBe(UNKNOWN_API);
    expect(map.size).toBe(0);
  });
});
