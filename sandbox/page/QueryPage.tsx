import React, { useCallback, useEffect, useRef, useState } from 'react';
import { css } from '@emotion/css';
import { CoreApp, getDefaultTimeRange, LoadingState, type GrafanaTheme2, type PanelData } from '@grafana/data';
import { Button, RadioButtonGroup, Stack, ToolbarButton, useStyles2 } from '@grafana/ui';

import { plugin } from '../../src/module';
import type { ChoreoQuery } from '../../src/types';
import type { SandboxDataSource } from './createDataSource';
import { Results } from './Results';
import { buildRequest, collect } from './runQuery';
import { SandboxIds, SandboxLabels } from './testIds';
import { timeRange, type RangeKey } from './timeRanges';

const RANGE_OPTIONS: Array<{ label: string; value: RangeKey }> = [
  { label: SandboxLabels.ranges.last24h, value: 'last24h' },
  { label: SandboxLabels.ranges.last7d, value: 'last7d' },
];

const MAX_DATA_POINTS = 1000;

function emptyData(): PanelData {
  return { state: LoadingState.NotStarted, series: [], timeRange: getDefaultTimeRange() };
}

/**
 * A panel editor: the plugin's QueryEditor for one query, a time range, "Run query" and the
 * results. onRunQuery reads the latest query from a ref because editors call onChange and then
 * onRunQuery in the same tick, before React has re-rendered (Grafana's editor rows do the same).
 */
export function QueryPage({ datasource }: { datasource: SandboxDataSource }) {
  const QueryEditor = plugin.components.QueryEditor;
  const QueryEditorHelp = plugin.components.QueryEditorHelp;
  const styles = useStyles2(getStyles);
  const [showingHelp, setShowingHelp] = useState(false);
  const initial: ChoreoQuery = { refId: 'A', ...datasource.getDefaultQuery?.(CoreApp.PanelEditor) };
  const [query, setQuery] = useState<ChoreoQuery>(initial);
  const latest = useRef<ChoreoQuery>(initial);
  const [rangeKey, setRangeKey] = useState<RangeKey>('last24h');
  const rangeKeyRef = useRef<RangeKey>(rangeKey);
  const [data, setData] = useState<PanelData>(emptyData);
  const [runs, setRuns] = useState(0);
  const runId = useRef(0);

  const run = useCallback(async () => {
    const id = ++runId.current;
    const range = timeRange(rangeKeyRef.current);
    setData((d) => ({ ...d, state: LoadingState.Loading }));
    const request = buildRequest([latest.current], range, MAX_DATA_POINTS);
    const result = await collect(() => datasource.query(request), range);
    // A slower earlier run must not overwrite a newer one's result.
    if (id === runId.current) {
      setData(result);
      setRuns((n) => n + 1);
    }
  }, [datasource]);

  // A panel runs its queries when it opens; so does this page.
  // Scheduled, not called inline: run() sets the loading state, and a render must not cascade
  // into another from inside its own effect.
  useEffect(() => {
    const timer = setTimeout(run, 0);
    return () => clearTimeout(timer);
  }, [run]);

  const onChange = (q: ChoreoQuery) => {
    latest.current = q;
    setQuery(q);
  };

  // Grafana's QueryEditorRow: an example replaces the query (keeping the row's refId and the
  // data source) and closes the help; it does not run the query.
  const onClickExample = (example: ChoreoQuery) => {
    onChange({
      ...example,
      datasource: example.datasource ?? { type: datasource.type, uid: datasource.uid },
      refId: latest.current.refId,
    });
    setShowingHelp(false);
  };

  return (
    <div>
      {QueryEditorHelp && (
        <Stack justifyContent="flex-end">
          <ToolbarButton
            icon="question-circle"
            tooltip={SandboxLabels.showHelp}
            aria-label={SandboxLabels.showHelp}
            aria-pressed={showingHelp}
            variant={showingHelp ? 'active' : 'default'}
            onClick={() => setShowingHelp((v) => !v)}
          />
        </Stack>
      )}
      {QueryEditor && (
        <QueryEditor
          datasource={datasource}
          query={query}
          onChange={onChange}
          onRunQuery={run}
          data={data}
          range={data.timeRange}
          app={CoreApp.PanelEditor}
        />
      )}
      {QueryEditorHelp && showingHelp && (
        <div className={styles.help}>
          <QueryEditorHelp datasource={datasource} query={query} onClickExample={onClickExample} />
        </div>
      )}
      <Stack gap={2} alignItems="center">
        <div data-testid={SandboxIds.rangePicker}>
          <RadioButtonGroup<RangeKey>
            options={RANGE_OPTIONS}
            value={rangeKey}
            onChange={(v) => {
              rangeKeyRef.current = v;
              setRangeKey(v);
              run();
            }}
          />
        </div>
        <Button data-testid={SandboxIds.runQuery} icon="play" onClick={run}>
          {SandboxLabels.runQuery}
        </Button>
        <span data-testid={SandboxIds.queryState} data-state={data.state} data-runs={runs}>
          {data.state === LoadingState.Loading
            ? 'Running…'
            : runs > 0
              ? `${data.series.length} frame${data.series.length === 1 ? '' : 's'}`
              : 'Not run yet'}
        </span>
      </Stack>
      <Results data={data} />
    </div>
  );
}

// Grafana draws the help in a box under the row's editor.
const getStyles = (theme: GrafanaTheme2) => ({
  help: css({
    margin: theme.spacing(1, 0, 2),
    padding: theme.spacing(2),
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    background: theme.colors.background.secondary,
  }),
});
