import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import {
  FieldColorModeId,
  FieldType,
  getDisplayProcessor,
  type DataFrame,
  type GrafanaTheme2,
  type PanelData,
} from '@grafana/data';
import { LegendDisplayMode } from '@grafana/schema';
import { Alert, Table, TimeSeries, useStyles2, useTheme2 } from '@grafana/ui';

import { SandboxIds } from './testIds';
import { useElementWidth } from './useElementWidth';

/**
 * Outside Grafana the field config registry is empty, so applyFieldOverrides would drop panel
 * defaults: the colour mode, line style and display processor go on each field directly.
 */
function prepareFrames(frames: DataFrame[], theme: GrafanaTheme2): DataFrame[] {
  let seriesIndex = 0;
  return frames.map((frame) => ({
    ...frame,
    fields: frame.fields.map((field) => {
      const prepared = {
        ...field,
        config: {
          ...field.config,
          color: field.config.color ?? { mode: FieldColorModeId.PaletteClassic },
          custom: { lineWidth: 1, fillOpacity: 10, pointSize: 4, showPoints: 'auto', ...field.config.custom },
        },
        state: { ...field.state, seriesIndex: field.type === FieldType.number ? seriesIndex++ : undefined },
      };
      return { ...prepared, display: getDisplayProcessor({ field: prepared, theme }) };
    }),
  }));
}

const isTimeSeries = (frame: DataFrame) =>
  frame.length > 0 &&
  frame.fields.some((f) => f.type === FieldType.time) &&
  frame.fields.some((f) => f.type === FieldType.number);

const ROW_HEIGHT = 36;

export function Results({ data }: { data: PanelData }) {
  const theme = useTheme2();
  const styles = useStyles2(getStyles);
  const { ref, width } = useElementWidth<HTMLDivElement>();
  const frames = useMemo(() => prepareFrames(data.series, theme), [data.series, theme]);
  const seriesFrames = frames.filter(isTimeSeries);

  return (
    <div ref={ref} data-testid={SandboxIds.results} className={styles.results}>
      {(data.errors ?? []).map((e, i) => (
        <div key={i} data-testid={SandboxIds.queryError}>
          <Alert severity="error" title={e.message ?? 'Query error'} />
        </div>
      ))}
      {seriesFrames.length > 0 && (
        <section className={styles.panel} data-testid={SandboxIds.timeSeries}>
          <h4>Time series</h4>
          <TimeSeries
            frames={seriesFrames}
            width={width - 16}
            height={280}
            timeRange={data.timeRange}
            timeZone="browser"
            legend={{ showLegend: true, displayMode: LegendDisplayMode.List, placement: 'bottom', calcs: [] }}
          />
        </section>
      )}
      {frames.map((frame, i) => (
        <FrameSection
          key={i}
          frame={frame}
          title={frame.name || frame.refId || `Frame ${i + 1}`}
          testId={SandboxIds.frameTable(i)}
          width={width}
        />
      ))}
      {data.state === 'Done' && frames.length === 0 && <Alert severity="info" title="No data" />}
    </div>
  );
}

/** One frame as a table, with its notices; `frame` must have been through prepareFrames. */
function FrameSection({
  frame,
  title,
  testId,
  width,
}: {
  frame: DataFrame;
  title: string;
  testId: string;
  width: number;
}) {
  const styles = useStyles2(getStyles);
  return (
    <section className={styles.panel} data-testid={testId}>
      <h4>{title}</h4>
      {(frame.meta?.notices ?? []).map((n, j) => (
        <Alert key={j} severity={n.severity === 'error' ? 'error' : n.severity} title={n.text} />
      ))}
      <Table
        data={frame}
        width={width - 16}
        height={Math.min(Math.max(frame.length, 1), 10) * ROW_HEIGHT + ROW_HEIGHT + 4}
      />
    </section>
  );
}

/** A table of one frame outside a panel's results (e.g. annotation events). */
export function FrameTable({ frame, title, testId }: { frame: DataFrame; title: string; testId: string }) {
  const theme = useTheme2();
  const { ref, width } = useElementWidth<HTMLDivElement>();
  const styles = useStyles2(getStyles);
  const [prepared] = useMemo(() => prepareFrames([frame], theme), [frame, theme]);
  return (
    <div ref={ref} className={styles.results}>
      <FrameSection frame={prepared} title={title} testId={testId} width={width} />
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  results: css({ marginTop: theme.spacing(2) }),
  panel: css({
    background: theme.colors.background.primary,
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    padding: theme.spacing(1),
    marginBottom: theme.spacing(2),
  }),
});
