import { common } from './catalog/catalog';
import { QUERY_MODEL_VERSION, type ChoreoQuery } from './types';

type Raw = Record<string, unknown>;

function isObject(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
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

  q.modelVersion = QUERY_MODEL_VERSION;
  // Every field the model reads is checked where it is read: the scope by queryModel/savedFields.ts,
  // options by the catalog (catalog/options.ts), each with a message naming the field.
  return q as unknown as ChoreoQuery;
}
