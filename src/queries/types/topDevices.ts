import { frameOf, numberField, stringField, UNIT } from '../../frames/fields';
import { present, scopeVariables } from '../common';
import { defineHandler } from '../handler';

export const TOP_PLATFORMS_DOC = `query TopPlatforms($timeFilter: TimeFilter!, $dataFilter: DataFilter!, $filter: DeviceFilter) {
  getTopPlatforms(timeFilter: $timeFilter, deviceFilter: $filter, dataFilter: $dataFilter) { platform count }
}`;
export const TOP_USER_AGENTS_DOC = `query TopUserAgents($timeFilter: TimeFilter!, $dataFilter: DataFilter!, $filter: DeviceFilter) {
  getTopUserAgents(timeFilter: $timeFilter, deviceFilter: $filter, dataFilter: $dataFilter) { userAgent count }
}`;

interface TopPlatformsData {
  getTopPlatforms?: Array<{ platform?: string | null; count?: number | null } | null> | null;
}
interface TopUserAgentsData {
  getTopUserAgents?: Array<{ userAgent?: string | null; count?: number | null } | null> | null;
}

/** Name + hits, one row per item (the API's top 9 and "Other"): a pie or bar chart as is. */
function namedCounts(label: string, names: string[], counts: Array<number | null>) {
  return [frameOf([stringField(label, names), numberField('Hits', counts, { unit: UNIT.count })])];
}

export const topPlatforms = defineHandler<TopPlatformsData>({
  shape: 'numeric-long',
  apiFilter: 'many',
  appFilter: 'none',
  build: (_q, ctx) => ({
    operationName: 'TopPlatforms',
    document: TOP_PLATFORMS_DOC,
    variables: { ...scopeVariables(ctx), filter: { apiIds: ctx.apiIds } },
  }),
  toFrames: (data) => {
    const rows = present(data.getTopPlatforms);
    return namedCounts(
      'Platform',
      rows.map((r) => r.platform ?? 'Unknown'),
      rows.map((r) => r.count ?? null)
    );
  },
});

export const topUserAgents = defineHandler<TopUserAgentsData>({
  shape: 'numeric-long',
  apiFilter: 'many',
  appFilter: 'none',
  build: (_q, ctx) => ({
    operationName: 'TopUserAgents',
    document: TOP_USER_AGENTS_DOC,
    variables: { ...scopeVariables(ctx), filter: { apiIds: ctx.apiIds } },
  }),
  toFrames: (data) => {
    const rows = present(data.getTopUserAgents);
    return namedCounts(
      'User agent',
      rows.map((r) => r.userAgent ?? 'Unknown'),
      rows.map((r) => r.count ?? null)
    );
  },
});
