/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
// jsdom because the catalog checks import @grafana/data (it reads window); node exports so yaml loads its CommonJS build.
import {
  ALERTING_DIR,
  checkAlertingProvisioning,
  checkRule,
  expressionInputs,
  loadAlertingFiles,
  type AlertRule,
} from './lib/alerting';
import { loadCompose, containerToRepoPath } from './lib/compose';
import { EMULATOR_DS_UID } from './lib/provisioning';

const files = loadAlertingFiles();
const rule = (): AlertRule => {
  const r = files.flatMap(({ doc }) => doc.groups ?? []).flatMap((g) => g.rules)[0];
  return JSON.parse(JSON.stringify(r)) as AlertRule;
};
const problemsOf = (r: AlertRule) => checkRule('rule', r, new Set([EMULATOR_DS_UID]));

describe('provisioning/alerting', () => {
  it('has a rule file, a contact point and a notification policy, and Grafana mounts the folder', () => {
    const docs = files.map((f) => f.doc);
    expect(docs.some((d) => d.groups?.length)).toBe(true);
    expect(docs.some((d) => d.contactPoints?.length)).toBe(true);
    expect(docs.some((d) => d.policies?.length)).toBe(true);
    expect(containerToRepoPath(loadCompose(), '/etc/grafana/provisioning/alerting')).toBe(ALERTING_DIR);
  });

  it('rules use the provisioned data source, known query types with valid fields, and existing refIds', () => {
    expect(checkAlertingProvisioning()).toEqual([]);
  });

  it('the Orders API rule: two customReport queries, Reduce, Math $ERR / $TOTAL * 100, Threshold > 5, for 5m', () => {
    const r = rule();
    expect(r.for).toBe('5m');
    expect(r.data.map((q) => [q.refId, q.model.queryType ?? q.model.type])).toEqual([
      ['ERRORS', 'customReport'],
      ['HITS', 'customReport'],
      ['ERR', 'reduce'],
      ['TOTAL', 'reduce'],
      ['RATE', 'math'],
      ['ALERT', 'threshold'],
    ]);
    expect(r.data.slice(0, 2).map((q) => q.model.customReport)).toEqual([
      { mode: 'overTime', metric: 'API_ERRORS', groupByFields: ['API_NAME'], groupByValues: ['Orders API'] },
      { mode: 'overTime', metric: 'HIT_COUNT', groupByFields: ['API_NAME'], groupByValues: ['Orders API'] },
    ]);
    expect(r.data.find((q) => q.refId === 'RATE')?.model.expression).toBe('$ERR / $TOTAL * 100');
    expect(r.data.find((q) => q.refId === 'ALERT')?.model.conditions).toEqual([
      { evaluator: { type: 'gt', params: [5] } },
    ]);
    expect(r.condition).toBe('ALERT');
  });

  describe('the checks catch what Grafana or the backend would reject', () => {
    it('an unknown data source, query type, metric or group-by field', () => {
      const r = rule();
      r.data[0].datasourceUid = 'nope';
      r.data[1].model.queryType = 'errorRate';
      expect(problemsOf(r)).toEqual([
        'rule: ERRORS: data source nope is not provisioned',
        'rule: HITS: unknown queryType errorRate',
      ]);
      const bad = rule();
      (bad.data[0].model.customReport as Record<string, unknown>).metric = 'ERRORS';
      (bad.data[1].model.customReport as Record<string, unknown>).groupByFields = ['API'];
      expect(problemsOf(bad).join('\n')).toMatch(
        /ERRORS: metric: Unknown metric "ERRORS": choose HIT_COUNT,[\s\S]*HITS: groupByFields: Unknown group-by field "API"/
      );
    });

    it('a raw GraphQL query, a query not in the current model', () => {
      const r = rule();
      r.data[0].model = { refId: 'ERRORS', queryType: 'graphql', modelVersion: 1, graphql: { query: '{ x }' } };
      r.data[1].model.apiId = 'x';
      expect(problemsOf(r)).toEqual([
        'rule: ERRORS: raw GraphQL queries do not run in alert rules (the backend refuses them)',
        'rule: HITS: apiId is saved as "x", the current model reads undefined',
        'rule: HITS: apiIds is saved as undefined, the current model reads ["x"]',
      ]);
    });

    it('an expression reading a missing refId, a condition that is no refId', () => {
      const r = rule();
      r.data.find((q) => q.refId === 'RATE')!.model.expression = '$ERR / $HITZ * 100';
      r.data.find((q) => q.refId === 'TOTAL')!.model.expression = 'NOPE';
      r.condition = 'D';
      expect(problemsOf(r)).toEqual([
        'rule: TOTAL: reads NOPE, which no earlier query or expression defines',
        'rule: RATE: reads HITZ, which no earlier query or expression defines',
        'rule: condition D is not one of its refIds',
      ]);
    });
  });

  it('reads math inputs in both $A and ${A} forms', () => {
    expect(expressionInputs({ type: 'math', expression: '${ERR} / $TOTAL * 100' })).toEqual(['ERR', 'TOTAL']);
    expect(expressionInputs({ type: 'reduce', expression: 'A' })).toEqual(['A']);
  });
});
