import { entryFor } from '../../../src/catalog/catalog';
import { migrateQuery } from '../../../src/migrations';
import { queryProblems } from '../../../src/queryModel/problems';
import type { ChoreoQuery } from '../../../src/types';
import { EMULATOR_DS_FILE, loadDataSources } from './provisioning';
import { isRecord, listFiles, readYaml } from './repo';

/** Grafana's alerting file provisioning (provisioning/alerting/*.yaml), as far as these checks read it. */
export const ALERTING_DIR = 'provisioning/alerting';
export const EXPRESSION_UID = '__expr__';

export interface RuleQuery {
  refId: string;
  datasourceUid: string;
  relativeTimeRange?: { from: number; to: number };
  model: Record<string, unknown>;
}

export interface AlertRule {
  uid: string;
  title: string;
  condition: string;
  for?: string;
  data: RuleQuery[];
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface AlertingFile {
  apiVersion?: number;
  groups?: Array<{ orgId?: number; name: string; folder: string; interval: string; rules: AlertRule[] }>;
  contactPoints?: Array<{
    orgId?: number;
    name: string;
    receivers: Array<{ uid: string; type: string; settings?: Record<string, unknown> }>;
  }>;
  policies?: Array<{ orgId?: number; receiver: string; routes?: Array<{ receiver?: string }> }>;
}

export function loadAlertingFiles(): Array<{ file: string; doc: AlertingFile }> {
  return listFiles(ALERTING_DIR, /\.ya?ml$/).map((file) => ({ file, doc: readYaml<AlertingFile>(file) }));
}

const DURATION = /^\d+(ms|s|m|h|d|w)$/;
const EXPRESSION_TYPES = new Set(['math', 'reduce', 'resample', 'threshold', 'classic_conditions', 'sql']);
const REDUCERS = new Set(['sum', 'mean', 'min', 'max', 'count', 'last', 'median']);

/** The refIds an expression reads: `$A` / `${A}` in math, `expression` for the others. */
export function expressionInputs(model: Record<string, unknown>): string[] {
  const expression = typeof model.expression === 'string' ? model.expression : '';
  if (model.type === 'math') {
    return [...expression.matchAll(/\$\{?([A-Za-z_][\w]*)\}?/g)].map((m) => m[1]);
  }
  if (model.type === 'classic_conditions') {
    const conditions = Array.isArray(model.conditions) ? model.conditions : [];
    return conditions.flatMap((c: { query?: { params?: unknown[] } }) => (c.query?.params ?? []).map(String));
  }
  return expression ? [expression] : [];
}

/** A builder query of the saved model, as the plugin's backend will receive it. */
function checkQuery(where: string, q: RuleQuery): string[] {
  const problems: string[] = [];
  const m = q.model;
  if (m.refId !== q.refId) {
    problems.push(`${where}: model.refId must repeat refId ${q.refId}`);
  }
  const type = typeof m.queryType === 'string' ? m.queryType : '';
  const entry = entryFor(type);
  if (!entry) {
    problems.push(`${where}: unknown queryType ${String(m.queryType)}`);
    return problems;
  }
  if (entry.raw) {
    problems.push(`${where}: raw GraphQL queries do not run in alert rules (the backend refuses them)`);
  }
  // The query must already be in the current model (src/migrations.ts changes nothing), so
  // the backend reads exactly what the file says.
  const migrated: Record<string, unknown> = { ...migrateQuery({ ...m }) };
  for (const key of new Set([...Object.keys(m), ...Object.keys(migrated)])) {
    if (JSON.stringify(m[key]) !== JSON.stringify(migrated[key])) {
      problems.push(
        `${where}: ${key} is saved as ${JSON.stringify(m[key])}, the current model reads ${JSON.stringify(migrated[key])}`
      );
    }
  }
  // The editor's and the runner's own checks (catalog options and scope rules).
  for (const [field, problem] of Object.entries(queryProblems(m as unknown as ChoreoQuery))) {
    if (problem) {
      problems.push(`${where}: ${field}: ${problem}`);
    }
  }
  return problems;
}

function checkExpression(where: string, q: RuleQuery, defined: Set<string>): string[] {
  const problems: string[] = [];
  const m = q.model;
  if (m.refId !== q.refId) {
    problems.push(`${where}: model.refId must repeat refId ${q.refId}`);
  }
  if (typeof m.type !== 'string' || !EXPRESSION_TYPES.has(m.type)) {
    problems.push(`${where}: unknown expression type ${String(m.type)}`);
  }
  if (m.type === 'reduce' && (typeof m.reducer !== 'string' || !REDUCERS.has(m.reducer))) {
    problems.push(`${where}: unknown reducer ${String(m.reducer)}`);
  }
  if (m.type === 'threshold') {
    const conditions = Array.isArray(m.conditions) ? m.conditions : [];
    const ok =
      conditions.length > 0 &&
      conditions.every(
        (c: { evaluator?: { type?: string; params?: unknown[] } }) =>
          typeof c.evaluator?.type === 'string' &&
          Array.isArray(c.evaluator.params) &&
          c.evaluator.params.every((p) => typeof p === 'number')
      );
    if (!ok) {
      problems.push(`${where}: a threshold needs conditions with an evaluator {type, params: [numbers]}`);
    }
  }
  const inputs = expressionInputs(m);
  if (inputs.length === 0) {
    problems.push(`${where}: reads no query`);
  }
  for (const input of inputs) {
    if (!defined.has(input)) {
      problems.push(`${where}: reads ${input}, which no earlier query or expression defines`);
    }
  }
  return problems;
}

/** Everything wrong with one rule: its data source, queries, expressions and condition. */
export function checkRule(where: string, rule: AlertRule, dataSourceUids: Set<string>): string[] {
  const problems: string[] = [];
  if (!rule.uid || !rule.title) {
    problems.push(`${where}: uid and title are required`);
  }
  if (rule.for !== undefined && !DURATION.test(rule.for)) {
    problems.push(`${where}: for ${rule.for} is not a duration`);
  }
  const defined = new Set<string>();
  for (const q of rule.data ?? []) {
    const at = `${where}: ${q.refId}`;
    if (defined.has(q.refId)) {
      problems.push(`${at}: duplicate refId`);
    }
    if (!isRecord(q.model)) {
      problems.push(`${at}: no model`);
    } else if (q.datasourceUid === EXPRESSION_UID) {
      problems.push(...checkExpression(at, q, defined));
    } else if (!dataSourceUids.has(q.datasourceUid)) {
      problems.push(`${at}: data source ${q.datasourceUid} is not provisioned`);
    } else {
      problems.push(...checkQuery(at, q));
      if (!q.relativeTimeRange || !(q.relativeTimeRange.from > q.relativeTimeRange.to)) {
        problems.push(`${at}: a query needs relativeTimeRange {from > to} (seconds before now)`);
      }
    }
    defined.add(q.refId);
  }
  if (!defined.has(rule.condition)) {
    problems.push(`${where}: condition ${rule.condition} is not one of its refIds`);
  }
  return problems;
}

/** Every problem across provisioning/alerting/: rules, contact points, policies. */
export function checkAlertingProvisioning(files = loadAlertingFiles()): string[] {
  const problems: string[] = [];
  const dataSourceUids = new Set(loadDataSources(EMULATOR_DS_FILE).map((ds) => ds.uid ?? ''));
  const contactPoints = new Set(files.flatMap(({ doc }) => (doc.contactPoints ?? []).map((c) => c.name)));
  const receiverUids = new Set<string>();
  const ruleUids = new Set<string>();
  for (const { file, doc } of files) {
    if (doc.apiVersion !== 1) {
      problems.push(`${file}: apiVersion must be 1`);
    }
    for (const group of doc.groups ?? []) {
      if (!group.folder || !group.name || !DURATION.test(group.interval ?? '')) {
        problems.push(`${file}: group ${group.name} needs a folder, a name and an interval`);
      }
      for (const rule of group.rules ?? []) {
        if (ruleUids.has(rule.uid)) {
          problems.push(`${file}: duplicate rule uid ${rule.uid}`);
        }
        ruleUids.add(rule.uid);
        problems.push(...checkRule(`${file}: rule "${rule.title}"`, rule, dataSourceUids));
      }
    }
    for (const cp of doc.contactPoints ?? []) {
      for (const r of cp.receivers ?? []) {
        if (receiverUids.has(r.uid)) {
          problems.push(`${file}: duplicate receiver uid ${r.uid}`);
        }
        receiverUids.add(r.uid);
        if (r.type === 'webhook' && typeof r.settings?.url !== 'string') {
          problems.push(`${file}: webhook ${r.uid} needs settings.url`);
        }
      }
    }
    for (const policy of doc.policies ?? []) {
      for (const receiver of [policy.receiver, ...(policy.routes ?? []).map((r) => r.receiver)]) {
        if (receiver !== undefined && !contactPoints.has(receiver)) {
          problems.push(`${file}: policy receiver ${receiver} is not a provisioned contact point`);
        }
      }
    }
  }
  return problems;
}
