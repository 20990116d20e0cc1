import React from 'react';
import { EditorField } from '@grafana/plugin-ui';
import { Combobox, FieldValidationMessage, MultiCombobox, type ComboboxOption } from '@grafana/ui';

import { FieldHint } from './FieldHint';
import { templateVariableOptions, withValues } from './templateVariables';
import type { AsyncOptions } from './useAsyncOptions';

interface Props {
  label: string;
  inputId: string;
  tooltip: string;
  /** One id or several: the Insights filter behind the query type decides. */
  multi: boolean;
  values: string[] | undefined;
  list: AsyncOptions;
  /** Why the list is empty when nothing could be loaded (no environment chosen). */
  emptyHint?: string;
  placeholder: string;
  invalid?: string;
  onChange: (ids: string[] | undefined) => void;
}

/**
 * API or application ids: listed ones, dashboard variables, or a pasted id. The control is
 * wrapped to carry a hint, so the message is rendered here: Field would pass `invalid` to the div.
 */
export function IdSelect(props: Props) {
  const { label, inputId, tooltip, multi, values, list, emptyHint, placeholder, invalid, onChange } = props;
  const selected = values ?? [];
  const options = withValues([...list.options, ...templateVariableOptions()], selected);
  const description = list.error
    ? `Could not be listed: ${list.error}`
    : list.loading || list.options.length
      ? undefined
      : emptyHint;
  // What both controls share. A pasted id is taken as typed; the tooltip says so, because
  // `customValueDescription` only exists in @grafana/ui 12.4+.
  const common = {
    id: inputId,
    options,
    loading: list.loading,
    createCustomValue: true,
    isClearable: true as const,
    placeholder,
    invalid: Boolean(invalid),
  };
  return (
    <EditorField
      label={label}
      tooltip={`${tooltip} Type or paste an id to use one that is not listed.`}
      htmlFor={inputId}
    >
      <div>
        {multi ? (
          <MultiCombobox<string>
            {...common}
            width="auto"
            minWidth={30}
            maxWidth={60}
            value={selected}
            onChange={(items) => {
              const ids = items.map((i) => i.value).filter(Boolean);
              onChange(ids.length ? ids : undefined);
            }}
          />
        ) : (
          <Combobox<string>
            {...common}
            width={32}
            value={selected[0] ?? null}
            onChange={(item: ComboboxOption<string> | null) => onChange(item?.value ? [item.value] : undefined)}
          />
        )}
        {invalid ? <FieldValidationMessage>{invalid}</FieldValidationMessage> : <FieldHint>{description}</FieldHint>}
      </div>
    </EditorField>
  );
}
