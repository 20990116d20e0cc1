import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2, QueryEditorProps } from '@grafana/data';
import { EditorField, EditorRow, EditorRows } from '@grafana/plugin-ui';
import { Alert, Combobox, Icon, Input, Space, TextArea, Tooltip, useStyles2 } from '@grafana/ui';

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

/** Ids of the list select and its visible label: Combobox drops `aria-label`, so it is named by `aria-labelledby`. */
export const LIST_SELECT_ID = 'choreo-variable-list';
export const LIST_LABEL_ID = 'choreo-variable-list-label';

/** Editor of a template variable query: which list, and the environment / project it is scoped to. */
export function VariableQueryEditor({ query: raw, onChange, datasource }: Props) {
  const query = normalizeVariableQuery(raw);
  const set = (patch: Partial<VariableQuery>) => onChange({ ...query, ...patch });
  const scoped = ENVIRONMENT_SCOPED.has(query.list);
  return (
    <EditorRows>
      <EditorRow>
        <ListField>
          <Combobox<VariableListKind>
            id={LIST_SELECT_ID}
            aria-labelledby={LIST_LABEL_ID}
            width={28}
            options={LIST_KINDS}
            value={query.list}
            onChange={(v) => set({ list: v.value })}
          />
        </ListField>
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

/**
 * EditorField's look with a label that has an id (EditorField gives its label none), so the
 * Combobox can point `aria-labelledby` at visible text.
 */
function ListField({ children }: { children: React.ReactElement }) {
  const styles = useStyles2(getStyles);
  return (
    <div>
      <label id={LIST_LABEL_ID} htmlFor={LIST_SELECT_ID} className={styles.label}>
        List
        <Tooltip placement="top" content="Text is the name, value the id." theme="info">
          <Icon tabIndex={0} name="info-circle" size="sm" className={styles.icon} />
        </Tooltip>
      </label>
      <Space v={0.5} />
      {children}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  label: css({ fontSize: 12, fontWeight: theme.typography.fontWeightMedium }),
  icon: css({
    color: theme.colors.text.secondary,
    marginLeft: theme.spacing(1),
    ':hover': { color: theme.colors.text.primary },
  }),
});
