import React from 'react';
import { EditorField, EditorRow } from '@grafana/plugin-ui';
import { Combobox, type ComboboxOption } from '@grafana/ui';

import type { ErrorCategory } from '../../types';
import { TextField } from '../fields/TextField';
import { Components } from '../selectors';
import { ERROR_CATEGORY_OPTIONS } from './options';
import { PaginationFields } from './PaginationFields';
import type { TypeEditorProps } from './types';

const Q = Components.QueryEditor;

// Field names of the API's ErrorDetails rows; its PaginationFilter.sortBy takes a column name.
const SORT_COLUMNS: Array<ComboboxOption<string>> = [
  { label: 'Count', value: 'count' },
  { label: 'Time', value: 'timeSpan' },
];

export function ErrorDetailsEditor(props: TypeEditorProps) {
  const { query, onChange } = props;
  return (
    <EditorRow>
      {/* The API filters error details by one category (ErrorsDetailsFilter.category). */}
      <EditorField label={Q.ErrorCategory.label}>
        <Combobox<ErrorCategory>
          id={Q.ErrorCategory.id(query.refId)}
          width={24}
          placeholder="All categories"
          isClearable
          options={ERROR_CATEGORY_OPTIONS}
          value={query.errorCategories?.[0] ?? null}
          onChange={(v) => onChange({ errorCategories: v ? [v.value] : undefined })}
        />
      </EditorField>
      <TextField
        label={Q.Search.label}
        inputId={Q.Search.id(query.refId)}
        value={query.search}
        placeholder="Text in the API or reason"
        tooltip="Only rows containing this text."
        onCommit={(search) => onChange({ search })}
      />
      <PaginationFields {...props} sortColumns={SORT_COLUMNS} />
    </EditorRow>
  );
}
