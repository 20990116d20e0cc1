import React from 'react';
import { EditorRow } from '@grafana/plugin-ui';
import type { ComboboxOption } from '@grafana/ui';

import { TextField } from '../fields/TextField';
import { Components } from '../selectors';
import { PaginationFields } from './PaginationFields';
import type { TypeEditorProps } from './types';

const Q = Components.QueryEditor;

// Field names of the API's ResourceUsage rows.
const RESOURCE_SORT_COLUMNS: Array<ComboboxOption<string>> = [
  { label: 'Count', value: 'count' },
  { label: 'Resource', value: 'apiResourceTemplate' },
  { label: 'Method', value: 'apiMethod' },
];

/** Traffic → resource usage table: search and paging. */
export function ResourceUsageEditor(props: TypeEditorProps) {
  const { query, onChange } = props;
  return (
    <EditorRow>
      <TextField
        label={Q.Search.label}
        inputId={Q.Search.id(query.refId)}
        value={query.search}
        placeholder="Text in the resource"
        tooltip="Only resources containing this text."
        onCommit={(search) => onChange({ search })}
      />
      <PaginationFields {...props} sortColumns={RESOURCE_SORT_COLUMNS} />
    </EditorRow>
  );
}

/** Alerts → top APIs by alert count: the API always sorts by count, so only the row cap. */
export function TopApisByAlertCountEditor(props: TypeEditorProps) {
  return (
    <EditorRow>
      <PaginationFields {...props} />
    </EditorRow>
  );
}
