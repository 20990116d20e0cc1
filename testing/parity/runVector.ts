import { defer, lastValueFrom, type Observable } from 'rxjs';

import { document } from '../../src/catalog/catalog';
import { InsightsError } from '../../src/client/errors';
import {
  parseGraphQLBody,
  type GraphQLRequest,
  type GraphQLResult,
  type InsightsTransport,
} from '../../src/client/insightsClient';
import { MetadataService } from '../../src/metadata/metadataService';
import { DocumentMerger } from '../../src/runner/batch/documentMerger';
import { runPanel } from '../../src/runner/runPanel';
import { resolveSettings } from '../../src/settings/resolveSettings';
import type { ChoreoQuery } from '../../src/types';
import { panelRequest } from '../fakes/panelRequest';
import { TemplateSrvFake } from '../fakes/templateSrv';
import { toNeutral } from './neutralFrames';
import type { Exchange, NeutralFrame, Vector } from './vector';

const DOCUMENT_FILES = new Map<string, string>();

/** The catalog file a document text comes from, trimmed or not (vectors name documents by file). */
export function documentFile(text: string): string | undefined {
  if (!DOCUMENT_FILES.size) {
    for (const file of listDocumentFiles()) {
      DOCUMENT_FILES.set(document(file), file);
      DOCUMENT_FILES.set(document(file).trim(), file);
    }
  }
  return DOCUMENT_FILES.get(text);
}

function listDocumentFiles(): string[] {
  // Test-side only: the folder is the list.
  const fs = require('node:fs') as typeof import('node:fs');
  return fs.readdirSync(`${__dirname}/../../catalog/documents`).filter((f) => f.endsWith('.graphql'));
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) {
    return v.map(sortKeys);
  }
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v as object)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])])
    );
  }
  return v;
}

/** Answers each request with the vector's exchange for it; records what was asked. */
export class VectorTransport implements InsightsTransport {
  readonly asked: GraphQLRequest[] = [];
  readonly unknown: GraphQLRequest[] = [];

  constructor(private readonly exchanges: Exchange[]) {}

  request<T>(request: GraphQLRequest): Observable<GraphQLResult<T>> {
    return defer(async () => this.answer<T>(request));
  }

  execute<T>(request: GraphQLRequest): Promise<GraphQLResult<T>> {
    return this.answer<T>(request);
  }

  private async answer<T>(request: GraphQLRequest): Promise<GraphQLResult<T>> {
    this.asked.push(request);
    const file = documentFile(request.query);
    const ex = this.exchanges.find(
      (e) => e.request.document === file && sameJson(e.request.variables, request.variables ?? {})
    );
    if (!ex) {
      this.unknown.push(request);
      // As a server refusing it: a GraphQL error, not a failure of the plugin.
      throw new InsightsError('graphql', `vector has no exchange for ${file ?? 'an unknown document'}`);
    }
    // Through the client's own reading of a body (its rules for errors and data shapes).
    return parseGraphQLBody(ex.answer.body) as GraphQLResult<T>;
  }
}

export interface VectorRun {
  frames: NeutralFrame[];
  error?: string;
  transport: VectorTransport;
}

/**
 * Runs a vector's query through the browser runner, answered by the vector's exchanges (or by
 * `live`, when recording).
 */
export async function runVector(v: Vector, live?: InsightsTransport): Promise<VectorRun> {
  const vectorTransport = new VectorTransport(v.exchanges);
  const transport = live ?? vectorTransport;
  const settings = resolveSettings(v.settings);
  const request = panelRequest([v.query as unknown as ChoreoQuery], {
    requestId: 'vector',
    interval: `${v.intervalMs / 1000}s`,
    intervalMs: v.intervalMs,
    maxDataPoints: v.maxDataPoints,
    from: Date.parse(v.range.from),
    to: Date.parse(v.range.to),
    timezone: v.timezone ?? 'utc',
  });
  const merger = new DocumentMerger();
  const response = await lastValueFrom(
    runPanel(
      request,
      {
        client: transport,
        settings,
        templateSrv: new TemplateSrvFake(),
        metadata: new MetadataService(transport, settings),
      },
      async () => merger
    )
  );
  const error = response.errors?.[0]?.message;
  return { frames: toNeutral(response.data ?? []), error, transport: vectorTransport };
}
