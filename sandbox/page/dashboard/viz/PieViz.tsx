/**
 * Grafana's pie chart panel. @grafana/ui 13.1 has no PieChart component (the panel lives in
 * Grafana core), so this draws the donut as SVG arcs over the same values Grafana's panel uses
 * (getFieldDisplayValues with the panel's reduceOptions), with @grafana/ui's VizLegend in the
 * panel's legend mode (a table with value and percent on these dashboards).
 */
import React from 'react';
import { formattedValueToString, type FieldDisplay } from '@grafana/data';
import { useTheme2, VizLayout, VizLegend, type VizLegendItem } from '@grafana/ui';

import { fieldDisplayValues, legendOptions, panelOptions } from '../panelOptions';
import type { VizProps } from './types';

const TAU = Math.PI * 2;
/** Average glyph width at the small font size, for fitting slice labels. */
const CHAR_WIDTH = 6.5;

/** A slice label cut to what fits across the ring (Grafana's overflow past neighbours is worse). */
function fitLabel(text: string, room: number): string {
  const max = Math.floor(room / CHAR_WIDTH);
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

function point(r: number, angle: number): string {
  // Clockwise from 12 o'clock, like Grafana's pie.
  return `${(r * Math.sin(angle)).toFixed(2)} ${(-r * Math.cos(angle)).toFixed(2)}`;
}

function arcPath(outer: number, inner: number, start: number, end: number): string {
  // A full circle as one arc has no extent; stop just short of it.
  const stop = end - start >= TAU ? start + TAU - 1e-4 : end;
  const large = stop - start > Math.PI ? 1 : 0;
  return [
    `M ${point(outer, start)}`,
    `A ${outer} ${outer} 0 ${large} 1 ${point(outer, stop)}`,
    `L ${point(inner, stop)}`,
    `A ${inner} ${inner} 0 ${large} 0 ${point(inner, start)}`,
    'Z',
  ].join(' ');
}

function legendItems(values: FieldDisplay[], total: number, show: string[]): VizLegendItem[] {
  return values.map((v, i) => ({
    label: v.display.title ?? '',
    color: v.display.color,
    yAxis: 1,
    getItemKey: () => `${i}-${v.display.title}`,
    getDisplayValues: () => [
      ...(show.includes('value') ? [{ ...v.display, title: 'Value' }] : []),
      ...(show.includes('percent')
        ? [
            {
              numeric: v.display.numeric / total,
              text: `${((100 * v.display.numeric) / total).toFixed(0)}%`,
              title: 'Percent',
            },
          ]
        : []),
    ],
  }));
}

export function PieViz({ frames, panel, width, height }: VizProps) {
  const theme = useTheme2();
  const options = panelOptions(panel);
  const legend = legendOptions(panel);
  const values = fieldDisplayValues(frames, panel, theme).filter((v) => v.display.numeric > 0);
  const total = values.reduce((sum, v) => sum + v.display.numeric, 0);
  const donut = (options.pieType ?? 'pie') === 'donut';
  const showNames = (options.displayLabels ?? []).includes('name');

  return (
    <VizLayout
      width={width}
      height={height}
      legend={
        legend.showLegend ? (
          <VizLayout.Legend placement={legend.placement} width={legend.placement === 'right' ? width * 0.5 : undefined}>
            <VizLegend
              placement={legend.placement}
              displayMode={legend.displayMode}
              items={legendItems(values, total, options.legend?.values ?? [])}
              readonly
            />
          </VizLayout.Legend>
        ) : null
      }
    >
      {(w: number, h: number) => {
        const outer = Math.max(10, Math.min(w, h) / 2 - 8);
        const inner = donut ? outer * 0.6 : 0;
        let angle = 0;
        return (
          <svg width={w} height={h} viewBox={`${-w / 2} ${-h / 2} ${w} ${h}`} role="img" aria-label={panel.title}>
            {values.map((v, i) => {
              const start = angle;
              angle += (TAU * v.display.numeric) / total;
              const mid = (start + angle) / 2;
              const labelAt = point((outer + inner) / 2, mid).split(' ');
              return (
                <g key={i}>
                  <path
                    d={arcPath(outer, inner, start, angle)}
                    fill={v.display.color}
                    stroke={theme.colors.background.primary}
                  >
                    <title>{`${v.display.title}: ${formattedValueToString(v.display)}`}</title>
                  </path>
                  {showNames && angle - start > 0.35 && (
                    <text
                      x={labelAt[0]}
                      y={labelAt[1]}
                      textAnchor="middle"
                      dominantBaseline="middle"
                      fontSize={theme.typography.bodySmall.fontSize}
                      fill="#fff"
                    >
                      {fitLabel(v.display.title ?? '', donut ? (outer - inner) * 2.4 : outer)}
                    </text>
                  )}
                </g>
              );
            })}
          </svg>
        );
      }}
    </VizLayout>
  );
}
