import React, { useEffect, useState } from 'react';
import type { QueryEditorProps, SelectableValue } from '@grafana/data';
import { EditorField, EditorRow, EditorRows } from '@grafana/plugin-ui';
import { Input, MultiSelect, Select } from '@grafana/ui';

import type { DataSource } from '../datasource';
import type { AlertCategory, ChoreoAnnotationQuery, ChoreoQuery } from '../types';

type Props = QueryEditorProps<DataSource, ChoreoQuery>;
type Severity = NonNullable<ChoreoAnnotationQuery['minSeverity']>;

const CATEGORIES: Array<SelectableValue<AlertCategory | ''>> = [
  { label: 'All categories', value: '' },
  { label: 'Traffic', value: 'TRAFFIC' },
  { label: 'Latency', value: 'LATENCY' },
];

const SEVERITIES: Array<SelectableValue<Severity | ''>> = [
  { label: 'Any severity', value: '' },
  { label: 'Medium and high', value: 'MEDIUM' },
  { label: 'High only', value: 'HIGH' },
];

/** Filters for alert annotations. API ids may be variables (`$api`); the API accepts at most five. */
export function AnnotationQueryEditor({ query, onChange, datasource }: Props) {
  const target = query as ChoreoAnnotationQuery;
  const set = (patch: Partial<ChoreoAnnotationQuery>) => onChange({ ...target, ...patch });
  const [apiOptions, setApiOptions] = useState<Array<SelectableValue<string>>>([]);
  const environmentId = target.environmentId || datasource.settings.defaultEnvironmentId;

  useEffect(() => {
    let live = true;
    // A variable as environment cannot be resolved here: offer no names, ids still work.
    if (!environmentId || environmentId.includes('$')) {
      setApiOptions([]);
      return;
    }
    datasource.metadata
      .apis(environmentId)
      .then((apis) => live && setApiOptions(apis.map((a) => ({ label: `${a.name} ${a.version}`.trim(), value: a.id }))))
      .catch(() => live && setApiOptions([]));
    return () => {
      live = false;
    };
  }, [datasource, environmentId]);

  const selectedApis = (target.apiIds ?? []).map(
    (id) => apiOptions.find((o) => o.value === id) ?? { label: id, value: id }
  );
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
          <Select<AlertCategory | ''>
            aria-label="Category"
            width={20}
            options={CATEGORIES}
            value={target.alertCategory ?? ''}
            onChange={(v) => set({ alertCategory: v.value || undefined })}
          />
        </EditorField>
        <EditorField label="Minimum severity">
          <Select<Severity | ''>
            aria-label="Minimum severity"
            width={20}
            options={SEVERITIES}
            value={target.minSeverity ?? ''}
            onChange={(v) => set({ minSeverity: v.value || undefined })}
          />
        </EditorField>
        <EditorField label="APIs" optional tooltip="Up to five API ids, or a variable such as $api. Empty: all APIs.">
          <MultiSelect<string>
            aria-label="APIs"
            width={40}
            allowCustomValue
            options={apiOptions}
            value={selectedApis}
            onChange={(v) => set({ apiIds: v.map((o) => o.value).filter((x): x is string => !!x) })}
          />
        </EditorField>
      </EditorRow>
    </EditorRows>
  );
}
