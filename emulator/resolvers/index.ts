import { RequestContext } from '../context';
import { alertResolvers } from './alerts';
import { automationResolvers } from './automation';
import { catalogResolvers } from './catalog';
import { customReportResolvers } from './customReports';
import { deviceResolvers } from './devices';
import { errorResolvers } from './errors';
import { latencyResolvers } from './latency';
import { summaryResolvers } from './summaries';
import { usageResolvers } from './usage';

/**
 * A root resolver takes its own argument type; `never` lets each one declare it precisely while
 * the table stays uniformly typed (graphql-js has already validated args against the schema).
 */
export type RootResolver = (args: never, ctx: RequestContext) => unknown;

export const QUERY_RESOLVERS: Readonly<Record<string, RootResolver>> = {
  ...catalogResolvers,
  ...summaryResolvers,
  ...errorResolvers,
  ...usageResolvers,
  ...latencyResolvers,
  ...deviceResolvers,
  ...alertResolvers,
  ...customReportResolvers,
  ...automationResolvers,
};
