import React, { useRef, useState } from 'react';
import {
  CoreApp,
  getDefaultTimeRange,
  LoadingState,
  VariableSupportType,
  type DataQuery,
  type PanelData,
} from '@grafana/data';
import { Alert, Button, Stack } from '@grafana/ui';

import type { SandboxDataSource } from './createDataSource';
import { Results } from './Results';
import { buildRequest, collect } from './runQuery';
import { SandboxIds, SandboxLabels } from './testIds';
import { timeRange } from './timeRanges';

/**
 * The variable editor page: the data source's custom variable editor (`datasource.variables`,
 * if the build has one) and the values its query returns, shown as a table.
 */
export function VariablesPage({ datasource }: { datasource: SandboxDataSource }) {
  const support = datasource.variables;
  const [query, setQuery] = useState<DataQuery>({ refId: 'variable-query' });
  const latest = useRef(query);
  const [data, setData] = useState<PanelData>({
    state: LoadingState.NotStarted,
    series: [],
    timeRange: getDefaultTimeRange(),
  });

  if (!support || support.getType() !== VariableSupportType.Custom || !('editor' in support)) {
    return (
      <Alert severity="info" title="No custom variable editor">
        This build of the data source does not provide a custom variable query editor.
      </Alert>
    );
  }
  const Editor = support.editor;

  const run = async () => {
    const range = timeRange('last24h');
    const request = buildRequest([latest.current], range, 1000, CoreApp.Dashboard);
    setData(await collect(() => support.query(request), range));
  };

  return (
    <div>
      <Editor
        datasource={datasource}
        query={query}
        onChange={(q: DataQuery) => {
          latest.current = q;
          setQuery(q);
        }}
        onRunQuery={run}
      />
      <Stack>
        <Button data-testid={SandboxIds.runQuery} icon="play" onClick={run}>
          {SandboxLabels.runQuery}
        </Button>
      </Stack>
      <Results data={data} />
    </div>
  );
}
