import { DataFrameType, type DataFrame, type QueryResultMetaNotice } from '@grafana/data';

/**
 * Frame shapes of Grafana's data plane contract. Tables have no data plane type (Grafana's
 * `DataFrameType` has none for them), so `table` frames carry no `meta.type`.
 */
export type FrameShape =
  'timeseries-wide' | 'timeseries-multi' | 'numeric-wide' | 'numeric-multi' | 'numeric-long' | 'table';

const DATA_PLANE_TYPE: Record<Exclude<FrameShape, 'table'>, DataFrameType> = {
  'timeseries-wide': DataFrameType.TimeSeriesWide,
  'timeseries-multi': DataFrameType.TimeSeriesMulti,
  'numeric-wide': DataFrameType.NumericWide,
  'numeric-multi': DataFrameType.NumericMulti,
  'numeric-long': DataFrameType.NumericLong,
};

/** The data plane version these frames follow. */
export const DATA_PLANE_TYPE_VERSION: [number, number] = [0, 1];

export interface FrameMetaInput {
  refId: string;
  shape: FrameShape;
  executedQueryString: string;
  notices: QueryResultMetaNotice[];
}

/** Sets refId and the shared meta on every frame of one query's result. */
export function applyFrameMeta(frames: DataFrame[], m: FrameMetaInput): DataFrame[] {
  return frames.map((f) => ({
    ...f,
    refId: m.refId,
    meta: {
      ...f.meta,
      ...(m.shape === 'table' ? {} : { type: DATA_PLANE_TYPE[m.shape], typeVersion: DATA_PLANE_TYPE_VERSION }),
      preferredVisualisationType: m.shape === 'table' ? 'table' : f.meta?.preferredVisualisationType,
      executedQueryString: m.executedQueryString,
      notices: m.notices.length ? [...(f.meta?.notices ?? []), ...m.notices] : f.meta?.notices,
    },
  }));
}
