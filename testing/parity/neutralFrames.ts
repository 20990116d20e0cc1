import type { DataFrame } from '@grafana/data';

import type { NeutralField, NeutralFrame } from './vector';

/** Drops what JSON would drop (undefined), so a frame compares as it would serialise. */
function plain<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/**
 * A frame as the language-neutral JSON the vectors hold: name, type, config, labels and values
 * per field, and the meta every reader sets (type, typeVersion, preferredVisualisationType,
 * executedQueryString, notices).
 */
export function toNeutral(frames: DataFrame[]): NeutralFrame[] {
  return frames.map((f) => {
    const m = f.meta ?? {};
    const meta: Record<string, unknown> = plain({
      type: m.type,
      typeVersion: m.typeVersion,
      preferredVisualisationType: m.preferredVisualisationType,
      executedQueryString: m.executedQueryString,
      notices: m.notices?.length ? m.notices : undefined,
    });
    const fields = f.fields.map((field): NeutralField => {
      const out: NeutralField = {
        name: field.name,
        type: field.type,
        config: plain(field.config ?? {}) as Record<string, unknown>,
        values: [...(field.values as unknown[])].map((v) => (v === undefined ? null : v)),
      };
      if (field.labels && Object.keys(field.labels).length) {
        out.labels = { ...field.labels };
      }
      return out;
    });
    const frame: NeutralFrame = { meta, fields };
    if (f.refId !== undefined) {
      frame.refId = f.refId;
    }
    if (f.name !== undefined) {
      frame.name = f.name;
    }
    return frame;
  });
}
