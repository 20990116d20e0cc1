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

/** How an arbitrary result becomes frames. Text inputs commit on blur so typing never re-runs anything. */
export function MappingOptions({ options, onChange }: Props) {
  const set = (patch: Partial<GraphQLQueryOptions>) => onChange({ ...options, ...patch });
  const text = (v: React.FormEvent<HTMLInputElement>) => v.currentTarget.value.trim() || undefined;
  return (
    <EditorRow>
      <EditorField
        label="Data path"
        tooltip="Dot path to the rows, e.g. getAPIUsageOverTime.usage. Lists on the way are flattened and their fields carried into each row. Empty: the single field of the result."
        width={32}
      >
        <Input
          aria-label="Data path"
          placeholder="auto"
          defaultValue={options.dataPath}
          onBlur={(e) => set({ dataPath: text(e) })}
        />
      </EditorField>
      <EditorField
        label="Time field"
        tooltip="Column holding the time. Empty: timeSpan or timestamp if present."
        width={20}
      >
        <Input
          aria-label="Time field"
          placeholder="auto"
          defaultValue={options.timeField}
          onBlur={(e) => set({ timeField: text(e) })}
        />
      </EditorField>
      <EditorField label="Time format">
        <RadioButtonGroup<TimeFormat>
          size="sm"
          options={TIME_FORMATS}
          value={options.timeFormat ?? 'iso'}
          onChange={(timeFormat) => set({ timeFormat })}
        />
      </EditorField>
      <EditorField
        label="Label fields"
        tooltip="Comma-separated columns that split rows into series, e.g. apiId."
        width={24}
      >
        <Input
          aria-label="Label fields"
          placeholder="none"
          defaultValue={options.labelFields?.join(', ')}
          onBlur={(e) => set({ labelFields: splitList(e.currentTarget.value) })}
        />
      </EditorField>
      <EditorField
        label="Display name"
        tooltip="Series name template: {{label}} for a label field's value, {{__field}} for the column name."
        width={28}
      >
        <Input
          aria-label="Display name"
          placeholder="{{apiId}} {{__field}}"
          defaultValue={options.displayName}
          onBlur={(e) => set({ displayName: text(e) })}
        />
      </EditorField>
    </EditorRow>
  );
}
