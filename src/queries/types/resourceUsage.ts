import { frameOf, numberField, stringField, UNIT } from '../../frames/fields';
import { notice, paginationFilter, present, scopeVariables, searchFilter } from '../common';
import { defineHandler } from '../handler';
import { pagedAt, type PaginationInfo } from './paginated';

export const RESOURCE_USAGE_DOC = `query ResourceUsage($timeFilter: TimeFilter!, $dataFilter: DataFilter!, $filter: ResourceUsageFilter) {
  getResourceUsage(timeFilter: $timeFilter, resourceUsageFilter: $filter, dataFilter: $dataFilter) {
    usage { apiId apiResourceTemplate apiMethod count }
    pagination { total limit offset }
  }
}`;

interface ResourceRow {
  apiId?: string | null;
  apiResourceTemplate?: string | null;
  apiMethod?: string | null;
  count?: number | null;
}
interface ResourceUsageData {
  getResourceUsage?: { usage?: Array<ResourceRow | null> | null; pagination?: PaginationInfo | null } | null;
}

/** Traffic: the resource usage table (API, resource template, method, hits). */
export const resourceUsage = defineHandler<ResourceUsageData>({
  shape: 'table',
  apiFilter: 'many',
  appFilter: 'none',
  needsApiNames: true,
  build: (q, ctx) => {
    // The documented schema filters resources by API only together with a search text.
    if (ctx.apiIds && !q.search?.trim()) {
      ctx.notices.push(notice('The API filter applies to resource usage only together with a search text.', 'info'));
    }
    return {
      operationName: 'ResourceUsage',
      document: RESOURCE_USAGE_DOC,
      variables: {
        ...scopeVariables(ctx),
        filter: { paginationFilter: paginationFilter(ctx, q), searchFilter: searchFilter(q.search, ctx.apiIds) },
      },
    };
  },
  paginator: pagedAt<ResourceUsageData>('getResourceUsage', 'usage'),
  toFrames: (data, _q, ctx) => {
    const rows = present(data.getResourceUsage?.usage);
    const api = new Array<string>(rows.length);
    const template = new Array<string | null>(rows.length);
    const method = new Array<string | null>(rows.length);
    const hits = new Array<number | null>(rows.length);
    rows.forEach((r, i) => {
      api[i] = ctx.apiNames.name(r.apiId);
      template[i] = r.apiResourceTemplate ?? null;
      method[i] = r.apiMethod ?? null;
      hits[i] = r.count ?? null;
    });
    return [
      frameOf([
        stringField('API', api),
        stringField('Resource', template),
        stringField('Method', method),
        numberField('Hits', hits, { unit: UNIT.count }),
      ]),
    ];
  },
});
