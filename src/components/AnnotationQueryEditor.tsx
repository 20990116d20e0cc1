import React from 'react';
import type { QueryEditorProps } from '@grafana/data';
import { EditorField, EditorRow, EditorRows } from '@grafana/plugin-ui';
import { Combobox, type ComboboxOption } from '@grafana/ui';

import { entryFor } from '../catalog/catalog';
import type { DataSource } from '../datasource';
import { queryProblems } from '../queryModel/problems';
import { QueryType, type ChoreoAnnotationQuery, type ChoreoQuery } from '../types';
import { ScopeRow } from './fields/ScopeRow';
import { OptionField } from './OptionsEditor';
import { Components } from './selectors';

type Props = QueryEditorProps<DataSource, ChoreoQuery>;
type Severity = NonNullable<ChoreoAnnotationQuery['minSeverity']>;

const SEVERITIES: Array<ComboboxOption<Severity | ''>> = [
  { label: 'Any severity', value: '' },
  { label: 'Medium and high', value: 'MEDIUM' },
  { label: 'High only', value: 'HIGH' },
];

const MIN_SEVERITY = Components.AnnotationEditor.MinSeverity;

/**
 * Filters for alert annotations: the Alert summary query type's scope and category (from the
 * catalog, as in a panel), and a minimum severity, which the API cannot filter on.
 */
export function AnnotationQueryEditor({ query, onChange, datasource }: Props) {
  const target = query as ChoreoAnnotationQuery;
  const entry = entryFor(QueryType.AlertSummary)!;
  const asQuery: ChoreoQuery = { ...target, queryType: QueryType.AlertSummary };
  const problems = queryProblems(asQuery);
  const set = (patch: Partial<ChoreoAnnotationQuery>) => onChange({ ...target, ...patch });
  const category = entry.options.find((o) => o.name === 'alertCategory')!;
  return (
    <EditorRows>
      <ScopeRow
        query={asQuery}
        scope={entry.scope}
        granularity={false}
        metadata={datasource.metadata}
        defaultEnvironmentId={datasource.settings.defaultEnvironmentId}
        problems={problems}
        onChange={set}
      />
      <EditorRow>
        <OptionField
          option={category}
          query={asQuery}
          problem={problems[category.name]}
          set={(alertCategory) => set({ alertCategory: alertCategory as ChoreoAnnotationQuery['alertCategory'] })}
        />
        <EditorField label={MIN_SEVERITY.label} htmlFor={MIN_SEVERITY.id(query.refId)}>
          <Combobox<Severity | ''>
            id={MIN_SEVERITY.id(query.refId)}
            width={20}
            options={SEVERITIES}
            value={target.minSeverity ?? ''}
            onChange={(v) => set({ minSeverity: v?.value || undefined })}
          />
        </EditorField>
      </EditorRow>
    </EditorRows>
  );
}
