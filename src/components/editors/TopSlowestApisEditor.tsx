import React from 'react';
import { EditorRow } from '@grafana/plugin-ui';

import { NumberField } from '../fields/NumberField';
import { Components } from '../selectors';
import { DEFAULT_TOP_LIMIT } from './defaults';
import type { TypeEditorProps } from './types';

const S = Components.QueryEditor.Limit;

export function TopSlowestApisEditor({ query, problems, onChange }: TypeEditorProps) {
  return (
    <EditorRow>
      <NumberField
        label={S.label}
        inputId={S.id(query.refId)}
        value={query.limit}
        placeholder={String(DEFAULT_TOP_LIMIT)}
        tooltip="How many of the slowest APIs (by 95th percentile latency) to show."
        invalid={problems.limit}
        onCommit={(limit) => onChange({ limit })}
      />
    </EditorRow>
  );
}
