import React from 'react';
import { EditorField, EditorRow } from '@grafana/plugin-ui';
import { Combobox, type ComboboxOption } from '@grafana/ui';

import type { AlertCategory } from '../../types';
import { TextField } from '../fields/TextField';
import { Components } from '../selectors';
import { ALERT_CATEGORY_OPTIONS } from './options';
import { PaginationFields } from './PaginationFields';
import type { TypeEditorProps } from './types';

const Q = Components.QueryEditor;

// Field names of the API's AlertSummary rows.
const SORT_COLUMNS: Array<ComboboxOption<string>> = [
  { label: 'Time', value: 'timestamp' },
  { label: 'Severity', value: 'severity' },
  { label: 'Category', value: 'category' },
];

export function AlertSummaryEditor(props: TypeEditorProps) {
  const { query, onChange } = props;
  return (
    <EditorRow>
      <EditorField label={Q.AlertCategory.label}>
        <Combobox<AlertCategory>
          id={Q.AlertCategory.id(query.refId)}
          width={20}
          placeholder="All alerts"
          isClearable
          options={ALERT_CATEGORY_OPTIONS}
          value={query.alertCategory ?? null}
          onChange={(v) => onChange({ alertCategory: v?.value })}
        />
      </EditorField>
      <TextField
        label={Q.Search.label}
        inputId={Q.Search.id(query.refId)}
        value={query.search}
        placeholder="Text in the alert"
        tooltip="Only alerts containing this text."
        onCommit={(search) => onChange({ search })}
      />
      <PaginationFields {...props} sortColumns={SORT_COLUMNS} />
    </EditorRow>
  );
}
