import React from 'react';
import { EditorField } from '@grafana/plugin-ui';
import { Combobox, type ComboboxOption } from '@grafana/ui';

import { Components } from '../selectors';
import { FieldHint } from './FieldHint';
import type { MetadataLists } from './metadataLists';
import { templateVariableOptions, withValues } from './templateVariables';
import { useAsyncOptions } from './useAsyncOptions';

const S = Components.QueryEditor.Scope.Environment;
export const DEFAULT_ENVIRONMENT_LABEL = 'Default (from data source)';
// Combobox treats '' as "no value"; the default choice needs a value of its own.
const DEFAULT_VALUE = '__default__';

interface Props {
  refId: string;
  value: string | undefined;
  metadata: MetadataLists;
  onChange: (environmentId: string | undefined) => void;
}

export function EnvironmentSelect({ refId, value, metadata, onChange }: Props) {
  const { options, loading, error } = useAsyncOptions('environments', true, () =>
    metadata
      .environments()
      .then((envs) => envs.map((e): ComboboxOption<string> => ({ label: e.name, value: e.id, description: e.type })))
  );
  const all = withValues(
    [{ label: DEFAULT_ENVIRONMENT_LABEL, value: DEFAULT_VALUE }, ...options, ...templateVariableOptions()],
    [value]
  );
  return (
    <EditorField
      label={S.label}
      tooltip="Environment the data comes from. Default: the data source's default environment. Type or paste an environment id to use one that is not listed."
      htmlFor={S.id(refId)}
    >
      <div>
        <Combobox<string>
          id={S.id(refId)}
          width={28}
          options={all}
          value={value || DEFAULT_VALUE}
          loading={loading}
          createCustomValue
          onChange={(o) => onChange(o.value === DEFAULT_VALUE ? undefined : o.value || undefined)}
        />
        <FieldHint>{error ? `Environments could not be listed: ${error}` : undefined}</FieldHint>
      </div>
    </EditorField>
  );
}
