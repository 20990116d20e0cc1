import React from 'react';
import { EditorField, EditorRow } from '@grafana/plugin-ui';
import { Combobox } from '@grafana/ui';

import type { ListKind } from '../../types';
import { Components } from '../selectors';
import { LIST_OPTIONS } from './options';
import type { TypeEditorProps } from './types';

const S = Components.QueryEditor.List;

export function ListEditor({ query, problems, onChange }: TypeEditorProps) {
  return (
    <EditorRow>
      <EditorField label={S.label} invalid={Boolean(problems.list)} error={problems.list}>
        <Combobox<ListKind>
          id={S.id(query.refId)}
          width={24}
          options={LIST_OPTIONS}
          value={query.list ?? null}
          onChange={(v) => onChange({ list: v.value })}
        />
      </EditorField>
    </EditorRow>
  );
}
