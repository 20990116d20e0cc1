import React from 'react';
import { EditorField, EditorRow } from '@grafana/plugin-ui';
import { Input, RadioButtonGroup } from '@grafana/ui';

import type { GraphQLQueryOptions } from '../../types';

type TimeFormat = NonNullable<GraphQLQueryOptions['timeFormat']>;

const TIME_FORMATS: Array<{ label: string; value: TimeFormat; description: string }> = [
  { label: 'ISO 8601', value: 'iso', description: 'e.g. 2021-06-21T00:00:00.0000000+05:30; no offset means UTC' },
  { label: 'Epoch s', value: 'epochSeconds', description: 'Seconds since 1970-01-01 UTC' },
  { label: 'Epoch ms', value: 'epochMillis', description: 'Milliseconds since 1970-01-01 UTC' },
];

interface Props {
  options: GraphQLQueryOptions;
  onChange(options: GraphQLQueryOptions): void;
}

function splitList(text: string): string[] | undefined {
  const items = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return items.length ? items : undefined;
}

interface TextSpec {
  label: string;
  tooltip: string;
  width: number;
  placeholder: string;
}

const TEXT_OPTIONS = {
  dataPath: {
    label: 'Data path',
    tooltip:
      'Dot path to the rows, e.g. getAPIUsageOverTime.usage. Lists on the way are flattened and their fields carried into each row. Empty: the single field of the result.',
    width: 32,
    placeholder: 'auto',
  },
  timeField: {
    label: 'Time field',
    tooltip: 'Column holding the time. Empty: timeSpan or timestamp if present.',
    width: 20,
    placeholder: 'auto',
  },
  labelFields: {
    label: 'Label fields',
    tooltip: 'Comma-separated columns that split rows into series, e.g. apiId.',
    width: 24,
    placeholder: 'none',
  },
  displayName: {
    label: 'Display name',
    tooltip: "Series name template: {{label}} for a label field's value, {{__field}} for the column name.",
    width: 28,
    placeholder: '{{apiId}} {{__field}}',
  },
} satisfies Record<string, TextSpec>;

interface TextOptionProps {
  spec: TextSpec;
  value?: string;
  /** The text as typed, on blur: typing never re-runs anything. */
  onCommit(text: string): void;
}

function TextOption({ spec, value, onCommit }: TextOptionProps) {
  return (
    <EditorField label={spec.label} tooltip={spec.tooltip} width={spec.width}>
      <Input
        aria-label={spec.label}
        placeholder={spec.placeholder}
        defaultValue={value}
        onBlur={(e) => onCommit(e.currentTarget.value)}
      />
    </EditorField>
  );
}

/** How an arbitrary result becomes frames. Text inputs commit on blur so typing never re-runs anything. */
export function MappingOptions({ options, onChange }: Props) {
  const set = (patch: Partial<GraphQLQueryOptions>) => onChange({ ...options, ...patch });
  const text = (v: string) => v.trim() || undefined;
  return (
    <EditorRow>
      <TextOption spec={TEXT_OPTIONS.dataPath} value={options.dataPath} onCommit={(v) => set({ dataPath: text(v) })} />
      <TextOption
        spec={TEXT_OPTIONS.timeField}
        value={options.timeField}
        onCommit={(v) => set({ timeField: text(v) })}
      />
      <EditorField label="Time format">
        <RadioButtonGroup<TimeFormat>
          size="sm"
          options={TIME_FORMATS}
          value={options.timeFormat ?? 'iso'}
          onChange={(timeFormat) => set({ timeFormat })}
        />
      </EditorField>
      <TextOption
        spec={TEXT_OPTIONS.labelFields}
        value={options.labelFields?.join(', ')}
        onCommit={(v) => set({ labelFields: splitList(v) })}
      />
      <TextOption
        spec={TEXT_OPTIONS.displayName}
        value={options.displayName}
        onCommit={(v) => set({ displayName: text(v) })}
      />
    </EditorRow>
  );
}
