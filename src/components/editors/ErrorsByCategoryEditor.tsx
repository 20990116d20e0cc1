import React from 'react';
import { EditorField, EditorRow } from '@grafana/plugin-ui';
import { MultiCombobox } from '@grafana/ui';

import type { ErrorCategory } from '../../types';
import { Components } from '../selectors';
import { ERROR_CATEGORY_OPTIONS } from './options';
import type { TypeEditorProps } from './types';

const S = Components.QueryEditor.ErrorCategories;

export function ErrorsByCategoryEditor({ query, onChange }: TypeEditorProps) {
  return (
    <EditorRow>
      <EditorField label={S.label} tooltip="One series per category. Empty: all four.">
        <MultiCombobox<ErrorCategory>
          id={S.id(query.refId)}
          width="auto"
          minWidth={30}
          placeholder="All categories"
          options={ERROR_CATEGORY_OPTIONS}
          value={query.errorCategories ?? []}
          onChange={(items) => onChange({ errorCategories: items.map((i) => i.value) })}
        />
      </EditorField>
    </EditorRow>
  );
}
