import React from 'react';
import { EditorField, EditorFieldGroup } from '@grafana/plugin-ui';
import { Combobox, RadioButtonGroup, type ComboboxOption } from '@grafana/ui';

import type { SortOrder } from '../../types';
import { NumberField } from '../fields/NumberField';
import { Components } from '../selectors';
import { DEFAULT_MAX_ROWS } from './defaults';
import { SORT_ORDER_OPTIONS } from './options';
import type { TypeEditorProps } from './types';

const Q = Components.QueryEditor;

interface Props extends TypeEditorProps {
  /**
   * Columns the API sorts by, named as in its response. Omitted where the API has a fixed
   * order (top APIs by alert count: always by count, descending).
   */
  sortColumns?: Array<ComboboxOption<string>>;
}

/** Row cap and server-side sort of the paginated (table) queries. */
export function PaginationFields({ query, problems, onChange, sortColumns }: Props) {
  const { refId } = query;
  return (
    <EditorFieldGroup>
      <NumberField
        label={Q.MaxRows.label}
        inputId={Q.MaxRows.id(refId)}
        value={query.maxRows}
        placeholder={String(DEFAULT_MAX_ROWS)}
        tooltip="Pages are fetched until this many rows; the panel says when more were left out."
        invalid={problems.maxRows}
        onCommit={(maxRows) => onChange({ maxRows })}
      />
      {sortColumns && (
        <>
          <EditorField label={Q.SortBy.label} tooltip="Column the Insights API sorts by before paging.">
            <Combobox<string>
              id={Q.SortBy.id(refId)}
              width={20}
              options={withCurrent(sortColumns, query.sortBy)}
              value={query.sortBy ?? null}
              placeholder="API default"
              createCustomValue
              customValueDescription="Sort by this column"
              isClearable
              onChange={(v) => onChange({ sortBy: v?.value || undefined })}
            />
          </EditorField>
          <EditorField label={Q.SortOrder.label}>
            <RadioButtonGroup<SortOrder>
              id={Q.SortOrder.id(refId)}
              aria-label={Q.SortOrder.label}
              options={SORT_ORDER_OPTIONS}
              value={query.sortOrder ?? 'desc'}
              onChange={(sortOrder) => onChange({ sortOrder })}
            />
          </EditorField>
        </>
      )}
    </EditorFieldGroup>
  );
}

function withCurrent(options: Array<ComboboxOption<string>>, current: string | undefined) {
  return !current || options.some((o) => o.value === current)
    ? options
    : [...options, { label: current, value: current }];
}
