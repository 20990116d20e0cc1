import type { FrameSpec } from '../format';
import type { BuiltFrames, FrameContext } from './context';
import { pivotFrames } from './pivot';
import { tableFrames } from './table';
import { timeSeriesFrames } from './timeSeries';

export type { BuiltFrames, FrameContext } from './context';

/** The frames a catalog frame spec makes of one answer's data. */
export function buildFrames(spec: FrameSpec, data: unknown, ctx: FrameContext): BuiltFrames {
  switch (spec.kind) {
    case 'timeSeries':
      return timeSeriesFrames(spec, data, ctx);
    case 'table':
      return tableFrames(spec, data, ctx);
    case 'pivot':
      return pivotFrames(spec, data, ctx);
  }
}
