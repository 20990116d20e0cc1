/**
 * The Dashboards tab: a provisioned dashboard (src/dashboards) laid out on Grafana's grid, its
 * variables resolved to what Grafana shows on load, every panel through the same DataSource
 * instance the other tabs use, for the chosen time range.
 */
import React, { useEffect, useMemo, useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import {
  Alert,
  Button,
  Dropdown,
  InlineLabel,
  LoadingPlaceholder,
  Menu,
  RadioButtonGroup,
  Select,
  Stack,
  useStyles2,
} from '@grafana/ui';

import type { DashboardJson, DashboardPanel as PanelJson } from '../../../testing/ship/lib/dashboards';
import {
  DASHBOARD_TAG,
  dashboardLinksOf,
  interpolateDataLink,
  parseDashboardUrl,
} from '../../../testing/ship/lib/dataLinks';
import type { ResolvedVariable } from '../../../testing/ship/lib/variables';

import type { SandboxDataSource } from '../createDataSource';
import { SandboxIds, SandboxLabels } from '../testIds';
import { timeRange, type RangeKey } from '../timeRanges';
import { useElementWidth } from '../useElementWidth';
import { DASHBOARD_FILES } from './dashboardFiles';
import { DashboardPanel } from './DashboardPanel';
import { gridHeight, gridRect, type GridPos } from './gridLayout';
import { interpolateTitle, useDashboardVariables } from './useDashboardVariables';

const RANGE_OPTIONS: Array<{ label: string; value: RangeKey }> = [
  { label: SandboxLabels.ranges.last24h, value: 'last24h' },
  { label: SandboxLabels.ranges.last7d, value: 'last7d' },
];

// The dashboard lives in the URL (`?dashboard=errors`) so a test or a screenshot can open one.
function initialKey(): string {
  const key = new URLSearchParams(window.location.search).get('dashboard');
  return DASHBOARD_FILES.some((d) => d.key === key) ? (key as string) : DASHBOARD_FILES[0].key;
}

function rememberKey(key: string) {
  const url = new URL(window.location.href);
  url.searchParams.set('dashboard', key);
  window.history.replaceState(null, '', url);
}

type Selections = Record<string, string>;

/** `var-<name>` parameters of the page URL: a drill-down opened in a new tab lands on them. */
function initialSelections(): Selections {
  const params = new URLSearchParams(window.location.search);
  return Object.fromEntries([...params].filter(([k]) => k.startsWith('var-')).map(([k, v]) => [k.slice(4), v]));
}

/** The dashboard with variables preselected, as Grafana applies `var-*` URL parameters on load. */
function withSelections(json: DashboardJson, selections: Selections): DashboardJson {
  const list = json.templating?.list;
  if (!list || !Object.keys(selections).length) {
    return json;
  }
  return {
    ...json,
    templating: {
      ...json.templating,
      list: list.map((v) =>
        v.type === 'query' && selections[v.name] !== undefined
          ? { ...v, current: { text: selections[v.name], value: selections[v.name] } }
          : v
      ),
    },
  };
}

/** Grafana's tagged dashboard links: every dashboard with the tag, keeping time and variables. */
function dashboardLinkItems(
  current: DashboardJson,
  variables: ResolvedVariable[],
  range: { from: number; to: number }
) {
  const link = dashboardLinksOf(current).find((l) => l.type === 'dashboards' && l.tags?.includes(DASHBOARD_TAG));
  if (!link) {
    return [];
  }
  const params = [
    ...(link.keepTime ? ['${__url_time_range}'] : []),
    ...(link.includeVars ? variables.map((v) => `\${${v.name}:queryparam}`) : []),
  ].join('&');
  return DASHBOARD_FILES.filter(
    (d) => d.json.uid !== current.uid && Array.isArray(d.json.tags) && d.json.tags.includes(DASHBOARD_TAG)
  ).map((d) => ({
    title: d.json.title,
    href: interpolateDataLink(`/d/${d.json.uid}?${params}`, { variables, range }),
  }));
}

export function DashboardPage({ datasource }: { datasource: SandboxDataSource }) {
  const styles = useStyles2(getStyles);
  const [key, setKey] = useState(initialKey);
  const [selections, setSelections] = useState<Selections>(initialSelections);
  const file = DASHBOARD_FILES.find((d) => d.key === key) ?? DASHBOARD_FILES[0];
  const dashboard = useMemo(() => withSelections(file.json, selections), [file, selections]);
  // All shipped dashboards default to now-7d; anything else starts at the page's 24 hours.
  const [rangeKey, setRangeKey] = useState<RangeKey>(dashboard.time ? 'last7d' : 'last24h');
  const range = useMemo(() => timeRange(rangeKey), [rangeKey]);
  const variables = useDashboardVariables(dashboard, datasource, range);
  const { ref, width } = useElementWidth<HTMLDivElement>(1200);

  // Links to /d/<uid> (dashboard links, drill-downs) open the dashboard here, with the
  // variables the link sets, instead of leaving the page for a Grafana URL it cannot serve.
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const anchor = (event.target as Element | null)?.closest?.('a[href^="/d/"]');
      const parsed = anchor && parseDashboardUrl(anchor.getAttribute('href') ?? '');
      const target = parsed && DASHBOARD_FILES.find((d) => d.json.uid === parsed.uid);
      if (!parsed || !target) {
        return;
      }
      event.preventDefault();
      const next = Object.fromEntries(
        [...parsed.params]
          .filter(([k]) => k.startsWith('var-') && k !== 'var-datasource')
          .map(([k, v]) => [k.slice(4), v])
      );
      rememberKey(target.key);
      setSelections(next);
      setKey(target.key);
    };
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, []);
  const links =
    variables.state === 'done'
      ? dashboardLinkItems(dashboard, variables.variables, { from: range.from.valueOf(), to: range.to.valueOf() })
      : [];
  // Rows would need Grafana's collapse logic; none of the shipped dashboards has one.
  const panels = dashboard.panels.filter((p): p is PanelJson & { gridPos: GridPos } => p.type !== 'row' && !!p.gridPos);

  return (
    <div>
      <div className={styles.toolbar}>
        <Stack gap={1} alignItems="center" wrap="wrap">
          <div data-testid={SandboxIds.dashboardPicker}>
            <Select
              width={36}
              aria-label="Dashboard"
              value={key}
              options={DASHBOARD_FILES.map((d) => ({ label: d.json.title, value: d.key }))}
              onChange={(v) => {
                if (v.value) {
                  rememberKey(v.value);
                  setSelections({});
                  setKey(v.value);
                }
              }}
            />
          </div>
          {variables.state === 'done' &&
            variables.variables.map((v) => {
              const saved = (dashboard.templating?.list ?? []).find((t) => t.name === v.name);
              const label = saved?.label;
              // A data source variable shows the data source's name, which only the JSON has.
              const shown =
                v.type === 'datasource' && typeof saved?.current?.text === 'string' ? saved.current.text : v.text;
              const text = Array.isArray(shown) ? shown.join(' + ') : shown;
              return (
                // Grafana's variable bar: the label, then the current value.
                <div key={v.name} className={styles.variable}>
                  <InlineLabel width="auto">{typeof label === 'string' ? label : v.name}</InlineLabel>
                  <InlineLabel width="auto" className={styles.value}>
                    {text}
                  </InlineLabel>
                </div>
              );
            })}
        </Stack>
        <Stack gap={1} alignItems="center">
          {links.length > 0 && (
            <div data-testid={SandboxIds.dashboardLinks}>
              <Dropdown
                overlay={
                  <Menu>
                    {links.map((l) => (
                      <Menu.Item key={l.href} label={l.title} url={l.href} icon="apps" />
                    ))}
                  </Menu>
                }
              >
                <Button variant="secondary" size="sm" icon="external-link-alt">
                  Choreo Insights
                </Button>
              </Dropdown>
            </div>
          )}
          <RadioButtonGroup<RangeKey> options={RANGE_OPTIONS} value={rangeKey} onChange={setRangeKey} />
        </Stack>
      </div>
      <div ref={ref}>
        {variables.state === 'error' && <Alert severity="error" title={`Variables: ${variables.message}`} />}
        {variables.state === 'loading' && <LoadingPlaceholder text="Resolving variables…" />}
        {variables.state === 'done' && (
          <div
            // A new dashboard (or range) remounts every panel, as opening it in Grafana does.
            key={`${file.key}-${rangeKey}-${JSON.stringify(selections)}`}
            data-testid={SandboxIds.dashboard}
            data-dashboard={file.key}
            data-panels={panels.length}
            className={styles.grid}
            style={{ height: gridHeight(panels.map((p) => p.gridPos)) }}
          >
            {panels.map((panel) => {
              const rect = gridRect(panel.gridPos, width);
              return (
                <div key={panel.id} className={styles.item} style={rect}>
                  <DashboardPanel
                    panel={panel}
                    title={interpolateTitle(panel.title, variables.variables)}
                    datasource={datasource}
                    range={range}
                    variables={variables.variables}
                    width={rect.width}
                    height={rect.height}
                  />
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  toolbar: css({
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'flex-start',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
  }),
  variable: css({ display: 'flex' }),
  value: css({ color: theme.colors.text.primary, background: theme.components.input.background }),
  grid: css({ position: 'relative' }),
  item: css({ position: 'absolute' }),
});
