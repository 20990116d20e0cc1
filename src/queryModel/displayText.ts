import { entryFor } from '../catalog/catalog';
import { normalizeOptions } from '../catalog/options';
import { textOf } from '../frames/depth';
import { formatApiName } from '../metadata/apiDisplayName';
import type { MetadataService } from '../metadata/metadataService';
import type { ChoreoQuery } from '../types';

/** Names the display text can show without waiting; ids where a list is not loaded yet. */
export interface KnownNames {
  environment(id: string): string | undefined;
  api(environmentId: string, id: string): string | undefined;
  application(environmentId: string, id: string): string | undefined;
}

export function namesFrom(metadata: MetadataService): KnownNames {
  return {
    environment: (id) => metadata.peek('environments')?.find((e) => e.id === id)?.name,
    api: (env, id) => {
      const a = metadata.peek(`apis:${env}`)?.find((x) => x.id === id);
      return a ? formatApiName(a.name, a.version) : undefined;
    },
    application: (env, id) => metadata.peek(`applications:${env}`)?.find((x) => x.id === id)?.name,
  };
}

function optionTexts(query: ChoreoQuery): string[] {
  const entry = entryFor(query.queryType);
  if (!entry) {
    return [];
  }
  const { values } = normalizeOptions(entry, query);
  const out: string[] = [];
  for (const o of entry.options) {
    const v = values[o.name];
    if (v === undefined || o.name === 'maxRows' || o.name === 'sortOrder') {
      continue;
    }
    const label = (x: unknown) => o.values?.find((c) => c.value === x)?.label ?? String(x);
    if (o.type === 'enum') {
      out.push(label(v));
    } else if (o.type === 'enumList' && Array.isArray(v)) {
      out.push(v.map(label).join(', '));
    } else if (o.type === 'integer') {
      out.push(`${o.label.toLowerCase()} ${v}`);
    } else if (Array.isArray(v)) {
      out.push(v.join(' / '));
    } else {
      out.push(`${o.label.toLowerCase()} "${textOf(v)}"`);
    }
  }
  return out;
}

/**
 * One readable line per query, for query history and the inspector: the type, the scope by
 * name, the options that matter and the granularity — "API usage · Production · Orders API v1,
 * Payments API · auto".
 */
export function queryDisplayText(query: ChoreoQuery, names: KnownNames, defaultEnvironmentId = ''): string {
  const entry = entryFor(query.queryType);
  if (!entry) {
    return `Unknown query type "${String(query.queryType)}"`;
  }
  if (entry.raw) {
    const doc = query.graphql?.query ?? '';
    const op = /^\s*(?:query|subscription)\s+(\w+)/m.exec(doc)?.[1];
    return ['GraphQL', op ?? (doc.replace(/\s+/g, ' ').trim().slice(0, 60) || 'empty')].join(' · ');
  }
  const parts = [entry.label];
  const env = typeof query.environmentId === 'string' ? query.environmentId : '';
  const listEnv = env || defaultEnvironmentId;
  if (entry.scope.environment) {
    parts.push(env ? (names.environment(env) ?? env) : 'default environment');
  }
  const ids = (list: unknown) =>
    Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string' && !!x) : [];
  if (entry.scope.apis !== 'none' && ids(query.apiIds).length) {
    parts.push(
      ids(query.apiIds)
        .map((id) => names.api(listEnv, id) ?? id)
        .join(', ')
    );
  }
  if (entry.scope.apps !== 'none' && ids(query.appIds).length) {
    parts.push(
      ids(query.appIds)
        .map((id) => names.application(listEnv, id) ?? id)
        .join(', ')
    );
  }
  parts.push(...optionTexts(query));
  if (entry.granularity) {
    parts.push(typeof query.granularity === 'string' && query.granularity ? query.granularity : 'auto');
  }
  return parts.join(' · ');
}
