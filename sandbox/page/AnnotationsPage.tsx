import React, { useRef, useState } from 'react';
import { lastValueFrom } from 'rxjs';
import {
  CoreApp,
  FieldType,
  getDefaultTimeRange,
  LoadingState,
  type AnnotationEvent,
  type AnnotationQuery,
  type DataFrame,
  type PanelData,
} from '@grafana/data';
import { Alert, Button, Stack } from '@grafana/ui';

import type { ChoreoQuery } from '../../src/types';
import type { SandboxDataSource } from './createDataSource';
import { FrameTable, Results } from './Results';
import { buildRequest, collect } from './runQuery';
import { SandboxIds, SandboxLabels } from './testIds';
import { timeRange } from './timeRanges';

/**
 * The annotation editor page: the data source's annotation QueryEditor (if the build has one)
 * editing `annotation.target`, run through prepareQuery + query() + processEvents like Grafana's
 * annotation runner; the events (what Grafana draws as markers and their tooltips) and the
 * frames they came from are shown as tables.
 */
export function AnnotationsPage({ datasource }: { datasource: SandboxDataSource }) {
  const support = datasource.annotations;
  const initialTarget: ChoreoQuery = { refId: 'Anno', ...support?.getDefaultQuery?.() };
  const [annotation, setAnnotation] = useState<AnnotationQuery<ChoreoQuery>>({
    name: 'Choreo alerts',
    enable: true,
    iconColor: 'red',
    datasource: { type: datasource.type, uid: datasource.uid },
    target: initialTarget,
  });
  const latest = useRef(annotation);
  const [data, setData] = useState<PanelData>({
    state: LoadingState.NotStarted,
    series: [],
    timeRange: getDefaultTimeRange(),
  });
  const [events, setEvents] = useState<AnnotationEvent[]>();

  if (!support?.QueryEditor) {
    return (
      <Alert severity="info" title="No annotation editor">
        This build of the data source does not provide an annotation query editor.
      </Alert>
    );
  }
  const Editor = support.QueryEditor;
  const update = (a: AnnotationQuery<ChoreoQuery>) => {
    latest.current = a;
    setAnnotation(a);
  };

  const run = async () => {
    const anno = latest.current;
    const target = support.prepareQuery ? support.prepareQuery(anno) : anno.target;
    const range = timeRange('last7d');
    if (!target) {
      setData({ state: LoadingState.Done, series: [], timeRange: range });
      return;
    }
    const request = buildRequest([target], range, 1000, CoreApp.Dashboard);
    const result = await collect(() => datasource.query(request), range);
    setData(result);
    // Grafana's annotation runner turns the frames into events (its markers) the same way.
    setEvents(
      support.processEvents
        ? await lastValueFrom(support.processEvents(anno, result.series), { defaultValue: [] })
        : undefined
    );
  };

  return (
    <div>
      <Editor
        datasource={datasource}
        query={annotation.target ?? initialTarget}
        onChange={(target: ChoreoQuery) => update({ ...latest.current, target })}
        onRunQuery={run}
        annotation={annotation}
        onAnnotationChange={update}
        app={CoreApp.Dashboard}
      />
      <Stack>
        <Button data-testid={SandboxIds.runQuery} icon="play" onClick={run}>
          {SandboxLabels.runQuery}
        </Button>
      </Stack>
      {events && (
        <FrameTable
          frame={eventsFrame(events)}
          title={`Events (${events.length})`}
          testId={SandboxIds.annotationEvents}
        />
      )}
      <Results data={data} />
    </div>
  );
}

/** The events as a table: what a marker's tooltip shows. */
function eventsFrame(events: AnnotationEvent[]): DataFrame {
  return {
    name: 'Events',
    length: events.length,
    fields: [
      { name: 'Time', type: FieldType.time, config: {}, values: events.map((e) => e.time ?? null) },
      { name: 'Title', type: FieldType.string, config: {}, values: events.map((e) => e.title ?? '') },
      { name: 'Text', type: FieldType.string, config: {}, values: events.map((e) => e.text ?? '') },
      { name: 'Tags', type: FieldType.string, config: {}, values: events.map((e) => (e.tags ?? []).join(', ')) },
    ],
  };
}
