/**
 * One dashboard panel: its targets through the real DataSource.query() when it mounts (as a
 * panel does when the dashboard opens), then Grafana's PanelChrome (title, description, loading
 * bar, the error indicator with the message) around the panel type's visualisation.
 */
import React, { useEffect, useMemo, useState } from 'react';
import { css } from '@emotion/css';
import { CoreApp, LoadingState, type GrafanaTheme2, type PanelData, type TimeRange } from '@grafana/data';
import { Icon, PanelChrome, Tooltip, useStyles2, useTheme2 } from '@grafana/ui';

import type { DashboardPanel as PanelJson } from '../../../testing/ship/lib/dashboards';
import type { ResolvedVariable } from '../../../testing/ship/lib/variables';
import type { ChoreoQuery } from '../../../src/types';
import type { SandboxDataSource } from '../createDataSource';
import { buildRequest, collect } from '../runQuery';
import { SandboxIds } from '../testIds';
import { attachDataLinks, panelLinks, PanelLinksMenu } from './dataLinks';
import { applyFieldConfig } from './fieldConfig';
import { panelFieldConfig } from './panelOptions';
import { applyTransformations } from './transformations';
import { BarsViz } from './viz/BarsViz';
import { PieViz } from './viz/PieViz';
import { StatViz } from './viz/StatViz';
import { TableViz } from './viz/TableViz';
import { TimeSeriesViz } from './viz/TimeSeriesViz';
import type { VizProps } from './viz/types';

const VIZ: Record<string, (props: VizProps) => React.ReactNode> = {
  stat: StatViz,
  timeseries: TimeSeriesViz,
  table: TableViz,
  barchart: BarsViz,
  piechart: PieViz,
};

interface Props {
  panel: PanelJson;
  title: string;
  datasource: SandboxDataSource;
  range: TimeRange;
  /** The dashboard's resolved variables: data links carry some of them. */
  variables: ResolvedVariable[];
  width: number;
  height: number;
}

/** The environment the dashboard shows: API ids are looked up in its API list. */

export function DashboardPanel({ panel, title, datasource, range, variables, width, height }: Props) {
  const theme = useTheme2();
  const styles = useStyles2(getStyles);
  const [data, setData] = useState<PanelData>({ state: LoadingState.Loading, series: [], timeRange: range });

  useEffect(() => {
    let cancelled = false;
    // No reset to Loading here: the page remounts panels for a new dashboard or range.
    // Grafana's panels ask for one point per pixel of their width.
    const request = buildRequest((panel.targets ?? []) as unknown as ChoreoQuery[], range, width, CoreApp.Dashboard);
    request.panelId = panel.id;
    request.scopedVars = {
      __interval: { text: request.interval, value: request.interval },
      __interval_ms: { text: String(request.intervalMs), value: request.intervalMs },
    };
    collect(() => datasource.query(request), range)
      .then(async (result) => {
        // As Grafana's panel query runner: the data source's frames, then the panel's transformations.
        const series = await applyTransformations(panel, result.series);
        return { ...result, series };
      })
      .catch((e: unknown): PanelData => ({
        state: LoadingState.Error,
        series: [],
        timeRange: range,
        errors: [{ message: e instanceof Error ? e.message : String(e) }],
      }))
      .then((result) => !cancelled && setData(result));
    return () => {
      cancelled = true;
    };
    // Width is read once: a resize re-lays out the panel, it does not re-run its queries;
    // variables change with the dashboard or range, which remount the panel.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [panel, datasource, range]);

  const frames = useMemo(
    () =>
      attachDataLinks(applyFieldConfig(data.series, panelFieldConfig(panel), theme), {
        variables,
        range: { from: range.from.valueOf(), to: range.to.valueOf() },
      }),
    [data.series, panel, theme, variables, range]
  );
  // Rows carry their own links (table cells, bar labels); series and stat links go in the header.
  const headerLinks = panel.type === 'timeseries' || panel.type === 'stat' ? panelLinks(frames) : [];
  const rows = frames.reduce((n, f) => n + f.length, 0);
  const error = data.errors?.map((e) => e.message ?? 'Query error').join('\n');
  const notices = frames.flatMap((f) => f.meta?.notices ?? []).map((n) => n.text);
  const Viz = VIZ[panel.type];

  return (
    <div
      data-testid={SandboxIds.dashboardPanel(panel.id)}
      data-type={panel.type}
      data-state={data.state}
      data-rows={rows}
      style={{ width, height }}
    >
      <PanelChrome
        width={width}
        height={height}
        title={title}
        description={typeof panel.description === 'string' ? panel.description : undefined}
        loadingState={data.state}
        statusMessage={error || undefined}
        titleItems={
          <>
            {
              // Grafana's header shows a frame's notices as an icon with the text in a tooltip.
              notices.length > 0 && (
                <Tooltip content={notices.join('\n')}>
                  <Icon name="info-circle" className={styles.notice} />
                </Tooltip>
              )
            }
            <PanelLinksMenu panelId={panel.id} links={headerLinks} />
          </>
        }
      >
        {(innerWidth, innerHeight) =>
          data.state === LoadingState.Loading && rows === 0 ? null : !Viz ? (
            <div className={styles.message}>Panel type {panel.type} is not rendered by the sandbox</div>
          ) : rows === 0 ? (
            <div className={styles.message}>{error ? '' : 'No data'}</div>
          ) : (
            <Viz frames={frames} panel={panel} width={innerWidth} height={innerHeight} timeRange={range} />
          )
        }
      </PanelChrome>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  // Grafana's "No data" placeholder: centred, secondary text.
  message: css({
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    height: '100%',
    color: theme.colors.text.secondary,
  }),
  notice: css({ color: theme.colors.text.secondary }),
});
