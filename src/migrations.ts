import { DEFAULT_QUERY_TYPE, QUERY_MODEL_VERSION, QueryType, type ChoreoQuery } from './types';

type Raw = Record<string, unknown>;

function isObject(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A saved list may be a string (hand-written JSON, older saves, a pasted variable): make it a list. */
function toStringList(v: unknown): string[] | undefined {
  if (v === undefined || v === null) {
    return undefined;
  }
  const items = Array.isArray(v) ? v : [v];
  const out = items
    .filter((x): x is string | number => typeof x === 'string' || typeof x === 'number')
    .map((x) => String(x).trim());
  return out.filter(Boolean);
}

function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) {
    return v;
  }
  if (typeof v === 'string' && v.trim() && Number.isFinite(Number(v))) {
    return Number(v);
  }
  return undefined;
}

const QUERY_TYPES = new Set<string>(Object.values(QueryType));

/**
 * Brings a saved query (any version, including ones saved before `modelVersion` existed) to the
 * current model. Idempotent: migrating a migrated query changes nothing. Unknown query types are
 * kept as they are, so the panel can say which type it does not know instead of silently
 * running another one.
 */
export function migrateQuery(saved: unknown): ChoreoQuery {
  const q: Raw = isObject(saved) ? { ...saved } : {};
  if (typeof q.refId !== 'string' || !q.refId) {
    q.refId = 'A';
  }
  if (typeof q.queryType !== 'string' || !q.queryType) {
    q.queryType = DEFAULT_QUERY_TYPE;
  } else if (!QUERY_TYPES.has(q.queryType)) {
    // Keep it: the runner reports "Unknown query type" with the name.
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
    const list = toStringList(q[key]);
    if (list === undefined) {
      delete q[key];
    } else {
      q[key] = list;
    }
  }
  for (const key of ['limit', 'maxRows'] as const) {
    const n = toNumber(q[key]);
    if (n === undefined) {
      delete q[key];
    } else {
      q[key] = n;
    }
  }
  if (isObject(q.customReport)) {
    const r: Raw = { ...q.customReport };
    for (const key of ['groupByFields', 'groupByValues'] as const) {
      const list = toStringList(r[key]);
      if (list === undefined) {
        delete r[key];
      } else {
        r[key] = list;
      }
    }
    q.customReport = r;
  }
  q.modelVersion = QUERY_MODEL_VERSION;
  // The object was built from the saved JSON with every field this model reads normalised.
  return q as unknown as ChoreoQuery;
}
