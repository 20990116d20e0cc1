import React, { useEffect, useState } from 'react';
import type { QueryEditorProps } from '@grafana/data';
import { EditorField, EditorRow, EditorRows } from '@grafana/plugin-ui';
import { Combobox, Input, MultiCombobox, type ComboboxOption } from '@grafana/ui';

import type { DataSource } from '../datasource';
import type { ApiInfo } from '../metadata/metadataService';
import type { AlertCategory, ChoreoAnnotationQuery, ChoreoQuery } from '../types';

type Props = QueryEditorProps<DataSource, ChoreoQuery>;
type Severity = NonNullable<ChoreoAnnotationQuery['minSeverity']>;

const CATEGORIES: Array<ComboboxOption<AlertCategory | ''>> = [
  { label: 'All categories', value: '' },
  { label: 'Traffic', value: 'TRAFFIC' },
  { label: 'Latency', value: 'LATENCY' },
];

const SEVERITIES: Array<ComboboxOption<Severity | ''>> = [
  { label: 'Any severity', value: '' },
  { label: 'Medium and high', value: 'MEDIUM' },
  { label: 'High only', value: 'HIGH' },
];

/** Filters for alert annotations. API ids may be variables (`$api`); the API accepts at most five. */
export function AnnotationQueryEditor({ query, onChange, datasource }: Props) {
  const target = query as ChoreoAnnotationQuery;
  const set = (patch: Partial<ChoreoAnnotationQuery>) => onChange({ ...target, ...patch });
  const [apiOptions, setApiOptions] = useState<Array<ComboboxOption<string>>>([]);
  const environmentId = target.environmentId || datasource.settings.defaultEnvironmentId;

  useEffect(() => {
    let live = true;
    // A variable as environment cannot be resolved here: offer no names, ids still work.
    const lookup: Promise<ApiInfo[]> =
      !environmentId || environmentId.includes('$') ? Promise.resolve([]) : datasource.metadata.apis(environmentId);
    lookup
      .then((apis) => live && setApiOptions(apis.map((a) => ({ label: `${a.name} ${a.version}`.trim(), value: a.id }))))
      .catch(() => live && setApiOptions([]));
    return () => {
      live = false;
    };
  }, [datasource, environmentId]);

  // Ids not in the list (variables, other environments) stay selectable as themselves.
  const selectedApis = (target.apiIds ?? []).map(
    (id) => apiOptions.find((o) => o.value === id) ?? { label: id, value: id }
  );
  const allApiOptions = [...apiOptions, ...selectedApis.filter((o) => !apiOptions.includes(o))];
  return (
    <EditorRows>
      <EditorRow>
        <EditorField
          label="Environment"
          tooltip="Environment id or variable. Empty: the data source's default environment."
        >
          <Input
            aria-label="Environment"
            width={30}
            placeholder={datasource.settings.defaultEnvironmentId || 'default environment'}
            defaultValue={target.environmentId}
            onBlur={(e) => set({ environmentId: e.currentTarget.value.trim() || undefined })}
          />
        </EditorField>
        <EditorField label="Category">
          <Combobox<AlertCategory | ''>
            aria-label="Category"
            width={20}
            options={CATEGORIES}
            value={target.alertCategory ?? ''}
            onChange={(v) => set({ alertCategory: v?.value || undefined })}
          />
        </EditorField>
        <EditorField label="Minimum severity">
          <Combobox<Severity | ''>
            aria-label="Minimum severity"
            width={20}
            options={SEVERITIES}
            value={target.minSeverity ?? ''}
            onChange={(v) => set({ minSeverity: v?.value || undefined })}
          />
        </EditorField>
        <EditorField label="APIs" optional tooltip="Up to five API ids, or a variable such as $api. Empty: all APIs.">
          <MultiCombobox<string>
            aria-label="APIs"
            width={40}
            createCustomValue
            options={allApiOptions}
            value={selectedApis}
            onChange={(v) => set({ apiIds: v.map((o) => o.value).filter((x): x is string => !!x) })}
          />
        </EditorField>
      </EditorRow>
    </EditorRows>
  );
}
