/**
 * `npx tsx sandbox/server.ts [--port N] [--watch] [--demo]` (npm run sandbox): the plugin's UI
 * in a browser without Grafana or Docker. Starts the Choreo emulator, the Grafana-faithful data
 * source proxy (src/plugin.json routes, tokenAuth) and the page server, builds the page, and
 * prints the URL. Everything listens on 127.0.0.1 on free ports unless --port is given.
 *
 *   --port N   page server port (default 3001; 0 = any free port)
 *   --watch    rebuild on source changes and reload open pages
 *   --demo     start with the data source already saved with the emulator's demo credentials
 *   --no-source-maps   build faster (browser tests)
 *   --skip-build       serve the existing sandbox/dist
 *   --exit-on-stdin-end   stop when stdin closes (the browser tests' runner died)
 */
import { DEMO_CREDENTIALS } from '../emulator/demo';
import type { Emulator } from '../emulator/server';
import type { GrafanaProxy } from '../testing/grafana-proxy';
import { startStack } from '../testing/stack/startStack';
import { buildAndWatch, buildOnce, type BuildHandle } from './build';
import { startPageServer, type DemoConfig, type PageServer } from './pageServer';
import { READY_PREFIX } from './ready';

export { READY_PREFIX } from './ready';

export interface SandboxOptions {
  port?: number;
  watch?: boolean;
  demo?: boolean;
  /** Serve the existing sandbox/dist without building (tests that built it already). */
  skipBuild?: boolean;
  sourceMaps?: boolean;
  exitOnStdinEnd?: boolean;
}

export interface Sandbox {
  url: string;
  emulator: Emulator;
  proxy: GrafanaProxy;
  close(): Promise<void>;
}

const DEMO: DemoConfig = {
  consumerKey: DEMO_CREDENTIALS.consumerKey,
  consumerSecret: DEMO_CREDENTIALS.consumerSecret,
  orgHandle: DEMO_CREDENTIALS.orgHandle,
  orgUuid: DEMO_CREDENTIALS.orgUuid,
};

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const started: Array<{ close(): Promise<void> }> = [];
  const closeAll = async () => {
    for (const s of started.reverse()) {
      await s.close().catch(() => undefined);
    }
  };
  try {
    // Emulator and proxy only: the page is the browser (its BackendSrv over window.fetch) and
    // builds the DataSource itself. Without --demo the data source starts unsaved.
    const stack = await startStack({
      browser: false,
      datasource: { id: 1, uid: 'choreo-sandbox' },
      ...(options.demo ? { secret: DEMO.consumerSecret, jsonData: { region: 'custom' } } : { jsonData: null }),
    });
    started.push(stack);
    const { emulator, proxy } = stack;
    let page: PageServer | undefined;
    let watcher: BuildHandle | undefined;
    if (options.watch) {
      watcher = await buildAndWatch({ sourceMaps: options.sourceMaps }, () => page?.notifyRebuilt());
      started.push(watcher);
    } else if (!options.skipBuild) {
      await buildOnce({ sourceMaps: options.sourceMaps });
    }
    page = await startPageServer({
      port: options.port ?? 3001,
      emulator,
      proxy,
      demo: DEMO,
      liveReload: Boolean(watcher),
    });
    started.push(page);
    return { url: page.url, emulator, proxy, close: closeAll };
  } catch (err) {
    await closeAll();
    throw err;
  }
}

function parseArgs(argv: string[]): SandboxOptions {
  const options: SandboxOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--watch') {
      options.watch = true;
    } else if (arg === '--demo') {
      options.demo = true;
    } else if (arg === '--no-source-maps') {
      options.sourceMaps = false;
    } else if (arg === '--exit-on-stdin-end') {
      options.exitOnStdinEnd = true;
    } else if (arg === '--skip-build') {
      options.skipBuild = true;
    } else if (arg === '--port') {
      const port = Number(argv[++i]);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new Error(`Invalid --port '${argv[i]}'`);
      }
      options.port = port;
    } else {
      throw new Error(
        `Unknown argument '${arg}' (expected --port N, --watch, --demo, --no-source-maps, --skip-build, --exit-on-stdin-end)`
      );
    }
  }
  return options;
}

async function main(): Promise<void> {
  const started = Date.now();
  const options = parseArgs(process.argv.slice(2));
  const sandbox = await startSandbox(options);
  const c = DEMO;
  console.log(
    `Choreo emulator: token URL ${sandbox.emulator.tokenUrl}, Insights API URL ${sandbox.emulator.apiUrl}\n` +
      `Demo credentials: consumer key ${c.consumerKey}, secret ${c.consumerSecret}, org handle ${c.orgHandle}, org UUID ${c.orgUuid}\n` +
      `(Settings → "Fill in demo credentials" enters them, Advanced URLs included.) Started in ${Date.now() - started} ms.`
  );
  // Last, and on its own line: tests wait for it.
  console.log(`${READY_PREFIX}${sandbox.url}`);
  const stop = () => {
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1)
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (options.exitOnStdinEnd) {
    // A killed test runner cannot send SIGTERM, but its end of our stdin pipe closes.
    process.stdin.on('end', stop);
    process.stdin.resume();
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
