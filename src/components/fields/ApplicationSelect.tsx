import React from 'react';

import { Components } from '../selectors';
import { IdSelect } from './IdSelect';
import type { MetadataLists } from './metadataLists';
import { useAsyncOptions } from './useAsyncOptions';

const NO_ENVIRONMENT = 'Choose an environment (or set a default in the data source) to list its applications.';

interface Props {
  refId: string;
  /** Environment id with variables already replaced; empty when none is known. */
  environmentId: string;
  multi: boolean;
  values: string[] | undefined;
  metadata: MetadataLists;
  invalid?: string;
  onChange: (appIds: string[] | undefined) => void;
}

export function ApplicationSelect({ refId, environmentId, multi, values, metadata, invalid, onChange }: Props) {
  const list = useAsyncOptions(`applications:${environmentId}`, Boolean(environmentId), () =>
    metadata
      .applications(environmentId)
      .then((apps) => apps.map((a) => ({ label: a.name, value: a.id, description: a.owner })))
  );
  const S = multi ? Components.QueryEditor.Scope.Applications : Components.QueryEditor.Scope.Application;
  return (
    <IdSelect
      label={S.label}
      inputId={S.id(refId)}
      tooltip={
        multi ? 'Only these applications (at most 5). Empty: all applications.' : 'Only this application. Empty: all.'
      }
      multi={multi}
      values={values}
      list={list}
      emptyHint={environmentId ? undefined : NO_ENVIRONMENT}
      placeholder="All applications"
      invalid={invalid}
      onChange={onChange}
    />
  );
}
