/**
 * Records and checks the parity vectors (catalog/vectors/queries/).
 *
 *   npx tsx scripts/vectors.ts            check: every vector file still gives its frames
 *   npx tsx scripts/vectors.ts --write    (re)record every source from the emulator and write the files
 *   npx tsx scripts/vectors.ts --write apiUsage   only that type's sources
 */
import '../testing/node/withDom';

import fs from 'node:fs';
import path from 'node:path';

import { DEMO_CREDENTIALS } from '../emulator/demo';
import { startEmulator, type Emulator } from '../emulator/server';
import { defer, type Observable } from 'rxjs';

import type { GraphQLRequest, GraphQLResult, InsightsTransport } from '../src/client/insightsClient';
import { storeFrames } from '../testing/parity/executedQuery';
import { documentFile, runVector } from '../testing/parity/runVector';
import type { Exchange, Vector } from '../testing/parity/vector';
import { DEFAULT_SETTINGS, SOURCES, type VectorSource } from './vectors/sources';

export const VECTORS_DIR = path.join(__dirname, '..', 'catalog', 'vectors', 'queries');
const NOW = Date.parse('2026-11-25T12:00:00Z');

async function token(emu: Emulator): Promise<string> {
  const res = await fetch(emu.tokenUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: DEMO_CREDENTIALS.consumerKey,
      client_secret: DEMO_CREDENTIALS.consumerSecret,
      orgHandle: DEMO_CREDENTIALS.orgHandle,
      scope: DEMO_CREDENTIALS.scope,
    }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

function inputs(s: VectorSource): Omit<Vector, 'exchanges' | 'expect'> {
  return {
    description: s.description,
    settings: s.settings ?? DEFAULT_SETTINGS,
    range: s.range ?? { from: '2026-11-24T09:00:00.000Z', to: '2026-11-24T12:00:00.000Z' },
    ...(s.timezone ? { timezone: s.timezone } : {}),
    intervalMs: s.intervalMs ?? 3_600_000,
    maxDataPoints: s.maxDataPoints ?? 500,
    query: { refId: 'A', ...s.query },
  };
}

/** Posts to the emulator like Grafana's proxy would, and records each exchange. */
class RecordingTransport implements InsightsTransport {
  readonly exchanges: Exchange[] = [];

  constructor(
    private readonly apiUrl: string,
    private readonly bearer: string
  ) {}

  request<T>(req: GraphQLRequest): Observable<GraphQLResult<T>> {
    return defer(() => this.execute<T>(req));
  }

  async execute<T>(req: GraphQLRequest): Promise<GraphQLResult<T>> {
    const res = await fetch(this.apiUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${this.bearer}` },
      body: JSON.stringify(req),
    });
    const body = (await res.json()) as { data?: unknown; errors?: unknown };
    const file = documentFile(req.query);
    if (!file) {
      throw new Error(`a request whose document is not a catalog file: ${req.query}`);
    }
    this.exchanges.push({ request: { document: file, variables: req.variables ?? {} }, answer: { body } });
    if (body.data === null || body.data === undefined) {
      throw new Error(`the emulator refused the request: ${JSON.stringify(body.errors)}`);
    }
    return { data: body.data as T, errors: [] };
  }
}

/** Runs the source against the emulator, recording every request the runner sends. */
async function record(s: VectorSource): Promise<Exchange[]> {
  const emu = await startEmulator({ port: 0, now: () => NOW, maxPageSize: s.maxPageSize });
  try {
    const live = new RecordingTransport(emu.apiUrl, await token(emu));
    await runVector({ ...inputs(s), exchanges: [], expect: { frames: [] } }, live);
    return live.exchanges;
  } finally {
    await emu.close();
  }
}

function fileOf(s: { type: string; name: string }): string {
  return path.join(VECTORS_DIR, s.type, `${s.name}.json`);
}

async function write(only?: string): Promise<void> {
  for (const s of SOURCES.filter((x) => !only || x.type === only)) {
    const exchanges = await record(s);
    s.edit?.(exchanges);
    const partial: Vector = { ...inputs(s), exchanges, expect: { frames: [] } };
    const run = await runVector(partial);
    const vector: Vector = {
      ...partial,
      expect: run.error ? { error: run.error } : { frames: storeFrames(run.frames) },
    };
    fs.mkdirSync(path.dirname(fileOf(s)), { recursive: true });
    fs.writeFileSync(fileOf(s), `${JSON.stringify(vector, null, 2)}\n`);
    console.log(
      `wrote ${path.relative(process.cwd(), fileOf(s))}: ${exchanges.length} exchange(s), ${run.error ? `error: ${run.error}` : `${run.frames.length} frame(s)`}`
    );
  }
}

const args = process.argv.slice(2);
if (args[0] === '--write') {
  write(args[1]).catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
} else {
  console.log('Run the check with jest: npx jest testing/parity');
}
