/**
 * Grafana's bar chart panel as horizontal bars (what these dashboards configure). @grafana/ui 13.1
 * has no BarChart component (the panel lives in Grafana core), so this draws the bars itself:
 * one row per category, fields stacked (`stacking: normal`) or grouped, each in its field's
 * colour, the value after the bar (`showValue: auto`) and the legend Grafana would show.
 */
import React from 'react';
import { css } from '@emotion/css';
import { FieldType, formattedValueToString, type Field, type GrafanaTheme2 } from '@grafana/data';
import { useStyles2, VizLayout, VizLegend } from '@grafana/ui';

import { legendOptions, panelOptions } from '../panelOptions';
import { seriesLegendItems } from './legendItems';
import type { VizProps } from './types';

const LEGEND_HEIGHT = 28;
const VALUE_WIDTH = 64;

function numeric(field: Field, row: number): number {
  const v = field.values[row];
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

export function BarsViz({ frames, panel, width, height }: VizProps) {
  const styles = useStyles2(getStyles);
  const frame = frames.find((f) => f.length > 0) ?? frames[0];
  const labels = frame?.fields.find((f) => f.type === FieldType.string || f.type === FieldType.time);
  const series = frame?.fields.filter((f) => f.type === FieldType.number) ?? [];
  const rows = frame?.length ?? 0;
  const stacked = panelOptions(panel).stacking === 'normal';
  const legend = legendOptions(panel);
  const showLegend = legend.showLegend && series.length > 0;

  const rowTotal = (row: number) =>
    stacked ? series.reduce((sum, f) => sum + numeric(f, row), 0) : Math.max(0, ...series.map((f) => numeric(f, row)));
  const max = Math.max(1, ...Array.from({ length: rows }, (_, r) => rowTotal(r)));
  const labelText = (row: number) =>
    labels ? String(labels.display?.(labels.values[row]).text ?? labels.values[row]) : '';
  const linkOf = (row: number) => series[0]?.getLinks?.({ valueRowIndex: row })[0];
  const labelWidth = Math.min(
    width * 0.4,
    16 + 7 * Math.max(0, ...Array.from({ length: rows }, (_, r) => labelText(r).length))
  );

  return (
    <VizLayout
      width={width}
      height={height}
      legend={
        showLegend ? (
          <VizLayout.Legend placement={legend.placement} maxHeight={`${LEGEND_HEIGHT * 2}px`}>
            <VizLegend
              placement={legend.placement}
              items={seriesLegendItems(series)}
              displayMode={legend.displayMode}
              readonly
            />
          </VizLayout.Legend>
        ) : null
      }
    >
      {(vizWidth: number, vizHeight: number) => {
        const rowHeight = vizHeight / Math.max(1, rows);
        const scale = (vizWidth - labelWidth - VALUE_WIDTH) / max;
        return (
          <div className={styles.plot} style={{ width: vizWidth, height: vizHeight }}>
            {Array.from({ length: rows }, (_, row) => {
              const barsHeight = rowHeight * 0.8;
              const segmentHeight = stacked ? barsHeight : barsHeight / Math.max(1, series.length);
              const total = rowTotal(row);
              return (
                <div key={row} className={styles.row} style={{ height: rowHeight }} data-testid="sandbox-bar-row">
                  <div className={styles.label} style={{ width: labelWidth }} title={labelText(row)}>
                    {linkOf(row) ? (
                      // Grafana's bar chart opens a bar's data links from the bar; here the label is the link.
                      <a href={linkOf(row)?.href} title={linkOf(row)?.title} className={styles.link}>
                        {labelText(row)}
                      </a>
                    ) : (
                      labelText(row)
                    )}
                  </div>
                  <div className={styles.bars}>
                    <div className={stacked ? styles.stack : styles.group} style={{ height: barsHeight }}>
                      {series.map((field) => {
                        const value = numeric(field, row);
                        const display = field.display?.(value);
                        return (
                          <div
                            key={field.name}
                            title={`${field.state?.displayName ?? field.name}: ${display?.text ?? value}`}
                            style={{
                              width: value * scale,
                              height: segmentHeight,
                              background: display?.color,
                              opacity: (field.config.custom?.fillOpacity ?? 80) / 100,
                            }}
                          />
                        );
                      })}
                    </div>
                    <span className={styles.value}>
                      {formattedValueToString(series[0]?.display?.(total) ?? { text: '' })}
                    </span>
                  </div>
                </div>
              );
            })}
          </div>
        );
      }}
    </VizLayout>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  plot: css({ display: 'flex', flexDirection: 'column', overflow: 'hidden' }),
  row: css({ display: 'flex', alignItems: 'center' }),
  label: css({
    flexShrink: 0,
    paddingRight: theme.spacing(1),
    textAlign: 'right',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.text.secondary,
  }),
  bars: css({ display: 'flex', alignItems: 'center' }),
  link: css({ color: 'inherit', '&:hover': { color: theme.colors.text.link, textDecoration: 'underline' } }),
  stack: css({ display: 'flex', alignItems: 'center' }),
  group: css({ display: 'flex', flexDirection: 'column', justifyContent: 'center' }),
  value: css({
    paddingLeft: theme.spacing(0.5),
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.text.primary,
    whiteSpace: 'nowrap',
  }),
});
