import { TrafficModel } from './data/traffic';
import { Bucket, buckets, Granularity, TimeWindow } from './time';

/** Per-request state handed to every resolver as the GraphQL context value. */
export interface RequestContext {
  /** The organisation UUID bound to the caller's access token. */
  orgUuid: string;
  now: number;
  model: TrafficModel;
  /** Bucket lists are shared per (window, granularity) so the model can memoise series. */
  bucketsFor(window: TimeWindow, g: Granularity): readonly Bucket[];
  /** Counts each top-level field resolved (emulator stats). */
  onOperation(): void;
  /** Page size cap of paginated operations (EmulatorOptions.maxPageSize). */
  maxPageSize?: number;
  /** A pagination total to claim whatever the real count (fault injection). */
  claimTotal?: number;
}

export interface ContextOptions {
  maxPageSize?: number;
  claimTotal?: number;
  /** Ingestion delay in ms (see TrafficModel). */
  lateMs?: number;
}

export function createContext(
  orgUuid: string,
  now: number,
  onOperation: () => void,
  options: ContextOptions = {}
): RequestContext {
  const { maxPageSize, claimTotal, lateMs = 0 } = options;
  const cache = new Map<string, readonly Bucket[]>();
  return {
    orgUuid,
    now,
    model: new TrafficModel({ now, lateMs }),
    bucketsFor(window, g) {
      const key = `${window.from}|${window.to}|${window.offsetMinutes}|${g}`;
      let b = cache.get(key);
      if (!b) {
        b = buckets(window, g, now);
        cache.set(key, b);
      }
      return b;
    },
    onOperation,
    maxPageSize,
    claimTotal,
  };
}
