import React from 'react';
import { EditorField } from '@grafana/plugin-ui';
import { Combobox, type ComboboxOption } from '@grafana/ui';

import type { Granularity } from '../../types';
import { Components } from '../selectors';

const S = Components.QueryEditor.Scope.Granularity;

// Only the buckets the Insights API accepts; anything else (e.g. 1w) is an HTTP 400.
export const GRANULARITY_OPTIONS: Array<ComboboxOption<Granularity>> = [
  { label: 'Auto', value: 'auto', description: 'From the time range and panel width' },
  { label: '1 minute', value: '1m' },
  { label: '15 minutes', value: '15m' },
  { label: '1 hour', value: '1h' },
  { label: '1 day', value: '1d' },
  { label: '7 days', value: '7d' },
];

interface Props {
  refId: string;
  value: Granularity | undefined;
  onChange: (granularity: Granularity) => void;
}

export function GranularitySelect({ refId, value, onChange }: Props) {
  return (
    <EditorField label={S.label} tooltip="Size of each time bucket.">
      <Combobox<Granularity>
        id={S.id(refId)}
        width={16}
        options={GRANULARITY_OPTIONS}
        value={value ?? 'auto'}
        onChange={(v) => onChange(v.value ?? 'auto')}
      />
    </EditorField>
  );
}
