import React from 'react';
import { EditorRow } from '@grafana/plugin-ui';
import type { ComboboxOption } from '@grafana/ui';

import { NumberField } from '../fields/NumberField';
import { TextField } from '../fields/TextField';
import { Components } from '../selectors';
import { DEFAULT_TOP_LIMIT } from './defaults';
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

/** Alerts → top APIs by alert count: how many, and a search (the API always sorts by count). */
export function TopApisByAlertCountEditor({ query, problems, onChange }: TypeEditorProps) {
  return (
    <EditorRow>
      <NumberField
        label={Q.Limit.label}
        inputId={Q.Limit.id(query.refId)}
        value={query.limit}
        placeholder={String(DEFAULT_TOP_LIMIT)}
        tooltip="How many APIs with the most alerts to show."
        invalid={problems.limit}
        onCommit={(limit) => onChange({ limit })}
      />
      <TextField
        label={Q.Search.label}
        inputId={Q.Search.id(query.refId)}
        value={query.search}
        placeholder="Text in the API name"
        tooltip="Only APIs containing this text."
        onCommit={(search) => onChange({ search })}
      />
    </EditorRow>
  );
}
