import { common } from './catalog/catalog';
import { QUERY_MODEL_VERSION, type ChoreoQuery } from './types';

type Raw = Record<string, unknown>;

function isObject(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A saved list may be a string (hand-written JSON, older saves, a pasted variable): a list of one.
 * Texts are trimmed and empty ones dropped; anything else is kept as saved, for the checks that
 * read the field to refuse it by name (queryModel/savedFields.ts, catalog/options.ts).
 */
function toList(v: unknown): unknown {
  if (v === undefined || v === null) {
    return undefined;
  }
  const items = Array.isArray(v) ? v : [v];
  return items
    .map((x) => (typeof x === 'string' ? x.trim() : typeof x === 'number' ? String(x) : x))
    .filter((x) => x !== '');
}

/** Numeric text as the number (older saves kept limits as text); anything else as saved. */
function toNumber(v: unknown): unknown {
  return typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v;
}

/**
 * Brings a saved query (any version, including ones saved before `modelVersion` existed) to the
 * current model. Idempotent: migrating a migrated query changes nothing.
 */
export function migrateQuery(saved: unknown): ChoreoQuery {
  const q: Raw = isObject(saved) ? { ...saved } : {};
  if (typeof q.refId !== 'string' || !q.refId) {
    q.refId = 'A';
  }
  // An unknown type is kept as it is: the runner reports "Unknown query type" with the name.
  if (typeof q.queryType !== 'string' || !q.queryType) {
    q.queryType = common.defaultType;
  }

  // Before versioning, single ids were saved as `apiId` / `appId`.
  if (q.apiIds === undefined && q.apiId !== undefined) {
    q.apiIds = q.apiId;
  }
  if (q.appIds === undefined && q.appId !== undefined) {
    q.appIds = q.appId;
  }
  delete q.apiId;
  delete q.appId;

  for (const key of ['apiIds', 'appIds', 'errorCategories'] as const) {
    const list = toList(q[key]);
    if (list === undefined) {
      delete q[key];
    } else {
      q[key] = list;
    }
  }
  for (const key of ['limit', 'maxRows'] as const) {
    if (q[key] !== undefined) {
      q[key] = toNumber(q[key]);
    }
  }
  if (isObject(q.customReport)) {
    const r: Raw = { ...q.customReport };
    for (const key of ['groupByFields', 'groupByValues'] as const) {
      const list = toList(r[key]);
      if (list === undefined) {
        delete r[key];
      } else {
        r[key] = list;
      }
    }
    q.customReport = r;
  }
  q.modelVersion = QUERY_MODEL_VERSION;
  // Every field the model reads is checked where it is read: the scope by queryModel/savedFields.ts,
  // options by the catalog (catalog/options.ts), each with a message naming the field.
  return q as unknown as ChoreoQuery;
}
