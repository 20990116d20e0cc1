import React, { useCallback, useEffect, useRef, useState } from 'react';
import { CoreApp, getDefaultTimeRange, LoadingState, type PanelData } from '@grafana/data';
import { Button, RadioButtonGroup, Stack } from '@grafana/ui';

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

  return (
    <div>
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
