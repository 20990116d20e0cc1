import type { Endpoints, StackKind } from './cases/health';
import { startTrustStack, type TrustStack, type TrustStackOptions } from './trustStack';

const OPTIONS: Record<StackKind, TrustStackOptions> = {
  demo: {},
  noSecret: { secret: null },
  wrongSecret: { secret: 'not-the-secret' },
  // Short enough that a 400 ms upstream delay is a Grafana 504, long enough for real answers.
  shortTimeout: { upstreamTimeoutMs: 250 },
};

/** Starts each kind of stack on first use; one set per spec file. */
export class Stacks {
  private readonly started = new Map<StackKind, Promise<TrustStack>>();

  get(kind: StackKind = 'demo'): Promise<TrustStack> {
    let s = this.started.get(kind);
    if (!s) {
      s = startTrustStack(OPTIONS[kind]);
      this.started.set(kind, s);
    }
    return s;
  }

  async closeAll(): Promise<void> {
    for (const s of this.started.values()) {
      await (await s).close();
    }
  }
}

export function endpointsOf(s: TrustStack): Endpoints {
  return { apiUrl: s.emulator.apiUrl, emulatorUrl: s.emulator.url };
}

/** Collects what would crash a browser tab or surface as "Uncaught" in the console. */
export function trackUncaught(): { errors: unknown[]; stop(): void } {
  const errors: unknown[] = [];
  const onError = (e: unknown) => errors.push(e);
  process.on('unhandledRejection', onError);
  process.on('uncaughtException', onError);
  return {
    errors,
    stop() {
      process.off('unhandledRejection', onError);
      process.off('uncaughtException', onError);
    },
  };
}
