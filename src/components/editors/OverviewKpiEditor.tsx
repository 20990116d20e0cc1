import React from 'react';
import { EditorField, EditorRow } from '@grafana/plugin-ui';
import { Combobox } from '@grafana/ui';

import { Components } from '../selectors';
import { KPI_OPTIONS } from './options';
import type { TypeEditorProps } from './types';

const S = Components.QueryEditor.Kpi;

export function OverviewKpiEditor({ query, onChange }: TypeEditorProps) {
  return (
    <EditorRow>
      <EditorField label={S.label} tooltip="One of the four numbers at the top of the console's Overview page.">
        <Combobox
          id={S.id(query.refId)}
          width={30}
          options={KPI_OPTIONS}
          value={query.kpi ?? 'totalTraffic'}
          onChange={(v) => onChange({ kpi: v.value ?? 'totalTraffic' })}
        />
      </EditorField>
    </EditorRow>
  );
}
