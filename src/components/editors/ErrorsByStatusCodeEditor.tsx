import React from 'react';
import { EditorField, EditorRow } from '@grafana/plugin-ui';
import { RadioButtonGroup } from '@grafana/ui';

import { Components } from '../selectors';
import { ERROR_CODE_OPTIONS, ERROR_TYPE_OPTIONS, type ErrorCodeChoice } from './options';
import { PaginationFields } from './PaginationFields';
import type { TypeEditorProps } from './types';

const Q = Components.QueryEditor;

export function ErrorsByStatusCodeEditor(props: TypeEditorProps) {
  const { query, onChange } = props;
  return (
    <EditorRow>
      <EditorField label={Q.ErrorType.label} tooltip="Proxy: raised by the gateway. Target: returned by the backend.">
        <RadioButtonGroup
          id={Q.ErrorType.id(query.refId)}
          aria-label={Q.ErrorType.label}
          options={ERROR_TYPE_OPTIONS}
          value={query.errorType ?? 'PROXY'}
          onChange={(errorType) => onChange({ errorType })}
        />
      </EditorField>
      <EditorField label={Q.ErrorCodeType.label}>
        <RadioButtonGroup<ErrorCodeChoice>
          id={Q.ErrorCodeType.id(query.refId)}
          aria-label={Q.ErrorCodeType.label}
          options={ERROR_CODE_OPTIONS}
          value={query.errorCodeType ?? 'all'}
          onChange={(v) => onChange({ errorCodeType: v === 'all' ? undefined : v })}
        />
      </EditorField>
      <PaginationFields {...props} />
    </EditorRow>
  );
}
