import React from 'react';
import type { QueryEditorProps } from '@grafana/data';
import { EditorField, EditorRow, EditorRows } from '@grafana/plugin-ui';
import { Alert, Combobox, Input, TextArea } from '@grafana/ui';

import type { DataSource } from '../datasource';
import type { ChoreoOptions } from '../options';
import type { ChoreoQuery } from '../types';
import {
  ENVIRONMENT_SCOPED,
  LIST_KINDS,
  normalizeVariableQuery,
  type VariableListKind,
  type VariableQuery,
} from '../variables/variableQuery';

type Props = QueryEditorProps<DataSource, ChoreoQuery, ChoreoOptions, VariableQuery>;

const PROJECTS_HELP =
  'The Insights API cannot list projects. Paste them from the Choreo console, one per line as "name = project id" ' +
  '(or just the id). Use the variable as the query scope\u2019s project.';

/** Editor of a template variable query: which list, and the environment / project it is scoped to. */
export function VariableQueryEditor({ query: raw, onChange, datasource }: Props) {
  const query = normalizeVariableQuery(raw);
  const set = (patch: Partial<VariableQuery>) => onChange({ ...query, ...patch });
  const scoped = ENVIRONMENT_SCOPED.has(query.list);
  return (
    <EditorRows>
      <EditorRow>
        <EditorField label="List" tooltip="Text is the name, value the id.">
          <Combobox<VariableListKind>
            aria-label="List"
            width={28}
            options={LIST_KINDS}
            value={query.list}
            onChange={(v) => set({ list: v.value })}
          />
        </EditorField>
        {scoped && (
          <EditorField
            label="Environment"
            tooltip="Environment id, or a variable such as $environment. Empty: the data source's default environment."
          >
            <Input
              aria-label="Environment"
              width={36}
              placeholder={datasource.settings.defaultEnvironmentId || 'default environment'}
              defaultValue={query.environmentId}
              onBlur={(e) => set({ environmentId: e.currentTarget.value.trim() || undefined })}
            />
          </EditorField>
        )}
        {scoped && (
          <EditorField label="Project" optional tooltip="Project id or variable; filters providers and subscribers.">
            <Input
              aria-label="Project"
              width={36}
              defaultValue={query.projectId}
              onBlur={(e) => set({ projectId: e.currentTarget.value.trim() || undefined })}
            />
          </EditorField>
        )}
      </EditorRow>
      {query.list === 'projects' && (
        <EditorRow>
          <EditorField label="Projects" width="100%">
            <div>
              <Alert severity="info" title="Static list">
                {PROJECTS_HELP}
              </Alert>
              <TextArea
                aria-label="Projects"
                rows={5}
                placeholder={'Orders = 0f7c1a2e-...\nPayments = 9b1d...'}
                defaultValue={query.projects}
                onBlur={(e) => set({ projects: e.currentTarget.value })}
              />
            </div>
          </EditorField>
        </EditorRow>
      )}
    </EditorRows>
  );
}
