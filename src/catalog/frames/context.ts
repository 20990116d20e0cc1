import type { NameLookups } from '../expressions';

/** What frame specs read besides the answer (catalog/README.md, "Frame context"). */
export interface FrameContext {
  options: Record<string, unknown>;
  attrs: Record<string, Record<string, string>>;
  /** The granularity asked for; count series are filled on its grid unless the answer names one. */
  granularity: string;
  fromMs: number;
  toMs: number;
  lookups: NameLookups;
}

/** Frames plus what the panel should be told about them. */
export interface BuiltFrames {
  frames: Array<import('@grafana/data').DataFrame>;
  notices: string[];
}
