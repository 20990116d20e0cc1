import { GraphQLSchema } from 'graphql';
import { DEMO_CREDENTIALS, ENV_IDS, TENANT } from './demo';
import { executeInProcess } from './graphqlHandler';
import { DAY, HOUR } from './time';

/**
 * A fresh process answers its first large queries several times slower than a warm one (JIT).
 * Running typical dashboard queries once at start-up makes the first real request fast too.
 */
const WARMUP_QUERY = `query($df: DataFilter!, $tf: TimeFilter!) {
  getTotalTraffic(filter: $tf, dataFilter: $df)
  getSuccessSummary(filter: $tf, dataFilter: $df) { summary { timeSpan requestCount } }
  getErrorsByCategory(timeFilter: $tf, dataFilter: $df) { errors { timeSpan auth } }
  getAPIUsageOverTime(timeFilter: $tf, dataFilter: $df, apiUsageOvertimeFilter: {granularity: "1h"}) { apiId usage { timeSpan count } }
  getLatencySummary(filter: $tf, dataFilter: $df) { summary { timeSpan latencyTime } }
}`;

export async function warmUp(schema: GraphQLSchema, now: number, rounds = 8): Promise<void> {
  const df = { orgId: DEMO_CREDENTIALS.orgUuid, environmentId: ENV_IDS.production, tenant: TENANT };
  const to = Math.floor(now / HOUR) * HOUR;
  for (let i = 0; i < rounds; i++) {
    // Ranges in the past, a different one each round, so nothing is merely looked up.
    const end = to - (i + 1) * 31 * DAY;
    const tf = { from: new Date(end - 30 * DAY).toISOString(), to: new Date(end).toISOString() };
    await executeInProcess(schema, DEMO_CREDENTIALS.orgUuid, now, WARMUP_QUERY, { df, tf });
  }
}
