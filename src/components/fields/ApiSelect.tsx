import React from 'react';

import { Components } from '../selectors';
import { IdSelect } from './IdSelect';
import type { MetadataLists } from './metadataLists';
import { useAsyncOptions } from './useAsyncOptions';

const NO_ENVIRONMENT = 'Choose an environment (or set a default in the data source) to list its APIs.';

interface Props {
  refId: string;
  /** Environment id with variables already replaced; empty when none is known. */
  environmentId: string;
  multi: boolean;
  required?: boolean;
  values: string[] | undefined;
  metadata: MetadataLists;
  invalid?: string;
  onChange: (apiIds: string[] | undefined) => void;
}

export function ApiSelect({ refId, environmentId, multi, required, values, metadata, invalid, onChange }: Props) {
  const list = useAsyncOptions(`apis:${environmentId}`, Boolean(environmentId), () =>
    metadata
      .apis(environmentId)
      .then((apis) =>
        apis.map((a) => ({ label: `${a.name} ${a.version}`.trim(), value: a.id, description: a.provider }))
      )
  );
  const S = multi ? Components.QueryEditor.Scope.Apis : Components.QueryEditor.Scope.Api;
  return (
    <IdSelect
      label={S.label}
      inputId={S.id(refId)}
      tooltip={multi ? 'Only these APIs (at most 5). Empty: all APIs.' : 'Only this API. Empty: all APIs.'}
      multi={multi}
      values={values}
      list={list}
      emptyHint={environmentId ? undefined : NO_ENVIRONMENT}
      placeholder={required ? 'Choose an API' : 'All APIs'}
      invalid={invalid}
      onChange={onChange}
    />
  );
}
