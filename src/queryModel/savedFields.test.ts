/** @jest-environment node */
import type { ChoreoQuery } from '../types';
import { checkSavedFields } from './savedFields';

/** A saved query as hand-edited dashboard JSON may hold it: any value in any field. */
const saved = (fields: Record<string, unknown>) => ({ refId: 'A', ...fields }) as unknown as ChoreoQuery;

describe('checkSavedFields', () => {
  it('keeps fields of the right type as they are', () => {
    const q = saved({
      queryType: 'apiUsage',
      environmentId: 'env',
      apiIds: ['a', 'b'],
      appIds: [],
      granularity: '1h',
      search: { any: 1 },
    });
    expect(checkSavedFields(q)).toEqual({ query: q });
  });

  it('reads numbers as text, in text and list fields', () => {
    expect(
      checkSavedFields(saved({ environmentId: 42, projectId: 0, apiIds: [7, 'x'], granularity: 5 })).query
    ).toEqual(saved({ environmentId: '42', projectId: '0', apiIds: ['7', 'x'], granularity: '5' }));
  });

  it('reads a single id as a list of one', () => {
    expect(checkSavedFields(saved({ apiIds: 'a1', appIds: 3 })).query).toEqual(
      saved({ apiIds: ['a1'], appIds: ['3'] })
    );
  });

  it('reads null as not set, and drops null ids from lists', () => {
    const { query, problem } = checkSavedFields(saved({ environmentId: null, apiIds: null, appIds: ['a', null, 'b'] }));
    expect(problem).toBeUndefined();
    expect(query).toEqual(saved({ appIds: ['a', 'b'] }));
    expect('environmentId' in query).toBe(false);
    expect('apiIds' in query).toBe(false);
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'an object environment',
      { environmentId: { id: 'e' } },
      'Environment (environmentId) must be text (got an object)',
    ],
    ['a list environment', { environmentId: ['e'] }, 'Environment (environmentId) must be text (got a list)'],
    ['a boolean project', { projectId: true }, 'Project id (projectId) must be text (got true or false)'],
    ['an object granularity', { granularity: { g: '1h' } }, 'Granularity (granularity) must be text (got an object)'],
    ['an object API id', { apiIds: ['a', { id: 'b' }] }, 'APIs (apiIds) must be a list of ids (got an object)'],
    ['a nested list of apps', { appIds: [['a']] }, 'Applications (appIds) must be a list of ids (got a list)'],
    ['a boolean app', { appIds: false }, 'Applications (appIds) must be a list of ids (got true or false)'],
    ['an object for a list', { apiIds: { 0: 'a' } }, 'APIs (apiIds) must be a list of ids (got an object)'],
  ])('refuses %s by name, leaving the query as saved', (_, fields, text) => {
    const q = saved(fields);
    expect(checkSavedFields(q)).toEqual({
      query: q,
      problem: `${text}: fix it in the query editor or the dashboard JSON.`,
    });
  });

  it('reports the first field in the catalog order', () => {
    expect(checkSavedFields(saved({ granularity: {}, apiIds: [{}] })).problem).toBe(
      'APIs (apiIds) must be a list of ids (got an object): fix it in the query editor or the dashboard JSON.'
    );
  });

  it('does not change the saved query', () => {
    const q = saved({ apiIds: 'a', environmentId: 5 });
    checkSavedFields(q);
    expect(q).toEqual(saved({ apiIds: 'a', environmentId: 5 }));
  });
});
