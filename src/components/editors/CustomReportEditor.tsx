import React from 'react';
import { EditorField, EditorFieldGroup, EditorRow, EditorRows } from '@grafana/plugin-ui';
import { Combobox, MultiCombobox, RadioButtonGroup, TagsInput, type ComboboxOption } from '@grafana/ui';

import type { ChoreoQuery, CustomReportMetric, CustomReportMode, GroupByField } from '../../types';
import { Components } from '../selectors';
import { GROUP_BY_OPTIONS, METRIC_OPTIONS } from './options';
import type { TypeEditorProps } from './types';
import { MAX_GROUP_BY_FIELDS } from './validation';

const Q = Components.QueryEditor;
const C = Q.CustomReport;

type Report = NonNullable<ChoreoQuery['customReport']>;

const MODE_OPTIONS: Array<ComboboxOption<CustomReportMode>> = [
  { label: 'Over time', value: 'overTime', description: 'One series per group' },
  { label: 'Top over time', value: 'topOverTime', description: 'Only the groups with the highest values' },
];

export function CustomReportEditor({ query, problems, onChange }: TypeEditorProps) {
  const { refId } = query;
  const report: Report = query.customReport ?? {};
  const mode = report.mode ?? 'overTime';
  const fields = report.groupByFields ?? [];
  const setReport = (patch: Partial<Report>) => onChange({ customReport: { ...report, ...patch } });

  return (
    <EditorRows>
      <EditorRow>
        <EditorField label={C.Mode.label}>
          <RadioButtonGroup<CustomReportMode>
            id={C.Mode.id(refId)}
            aria-label={C.Mode.label}
            options={MODE_OPTIONS}
            value={mode}
            onChange={(m) => setReport({ mode: m })}
          />
        </EditorField>
        <EditorField label={C.Metric.label} invalid={Boolean(problems.metric)} error={problems.metric}>
          <Combobox<CustomReportMetric>
            id={C.Metric.id(refId)}
            width={30}
            options={METRIC_OPTIONS}
            value={report.metric ?? null}
            onChange={(v) => setReport({ metric: v.value })}
          />
        </EditorField>
      </EditorRow>
      <EditorRow>
        <EditorFieldGroup>
          <EditorField
            label={C.GroupByFields.label}
            tooltip={`1 to ${MAX_GROUP_BY_FIELDS} fields, in order; each combination is a series.`}
            invalid={Boolean(problems.groupByFields)}
            error={problems.groupByFields}
          >
            <MultiCombobox<GroupByField>
              id={C.GroupByFields.id(refId)}
              width="auto"
              minWidth={30}
              // The API refuses a 4th field: once three are chosen, offer only those.
              options={
                fields.length >= MAX_GROUP_BY_FIELDS
                  ? GROUP_BY_OPTIONS.filter((o) => fields.includes(o.value))
                  : GROUP_BY_OPTIONS
              }
              value={fields}
              invalid={Boolean(problems.groupByFields)}
              onChange={(items) => setReport({ groupByFields: items.map((i) => i.value) })}
            />
          </EditorField>
          <EditorField
            label={C.GroupByValues.label}
            tooltip="Only groups with these values (e.g. an API name), in group-by order. Empty: all. Press Enter after each value."
          >
            <TagsInput
              id={C.GroupByValues.id(refId)}
              width={40}
              placeholder="All values"
              addOnBlur
              tags={report.groupByValues ?? []}
              onChange={(groupByValues) => setReport({ groupByValues })}
            />
          </EditorField>
        </EditorFieldGroup>
      </EditorRow>
    </EditorRows>
  );
}
