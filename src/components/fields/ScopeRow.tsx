import React from 'react';
import { EditorFieldGroup, EditorRow } from '@grafana/plugin-ui';

import type { ScopeRules } from '../../catalog/format';
import type { QueryProblems } from '../../queryModel/problems';
import type { ChoreoQuery, Granularity } from '../../types';
import { Components } from '../selectors';
import { ApiSelect } from './ApiSelect';
import { ApplicationSelect } from './ApplicationSelect';
import { EnvironmentSelect } from './EnvironmentSelect';
import { GranularitySelect } from './GranularitySelect';
import type { MetadataLists } from './metadataLists';
import { interpolate } from './templateVariables';
import { TextField } from './TextField';

type ScopePatch = Partial<Pick<ChoreoQuery, 'environmentId' | 'projectId' | 'apiIds' | 'appIds' | 'granularity'>>;

interface Props {
  query: ChoreoQuery;
  /** The scope the query type (or its variant) takes, from the catalog. */
  scope: ScopeRules;
  granularity: boolean;
  metadata: MetadataLists;
  /** The data source's default environment, used to list APIs when the query names none. */
  defaultEnvironmentId: string;
  problems: QueryProblems;
  onChange: (patch: ScopePatch) => void;
}

/** Environment, project, APIs, applications and granularity: only those the query type uses. */
export function ScopeRow({ query, scope, granularity, metadata, defaultEnvironmentId, problems, onChange }: Props) {
  const { refId } = query;
  const listEnv = listEnvironment(query.environmentId, defaultEnvironmentId);
  return (
    <EditorRow>
      {scope.environment && (
        <EditorFieldGroup>
          <EnvironmentSelect
            refId={refId}
            value={query.environmentId}
            metadata={metadata}
            onChange={(environmentId) => onChange({ environmentId })}
          />
          <TextField
            label={Components.QueryEditor.Scope.Project.label}
            inputId={Components.QueryEditor.Scope.Project.id(refId)}
            value={query.projectId}
            placeholder="All projects"
            tooltip="Only this project's APIs (Choreo project id). Empty: the whole environment."
            width={24}
            onCommit={(projectId) => onChange({ projectId })}
          />
        </EditorFieldGroup>
      )}
      {(scope.apis !== 'none' || scope.apps !== 'none') && (
        <EditorFieldGroup>
          {scope.apis !== 'none' && (
            <ApiSelect
              refId={refId}
              environmentId={listEnv}
              multi={scope.apis === 'many'}
              required={scope.apis === 'required'}
              values={query.apiIds}
              metadata={metadata}
              invalid={problems.apiIds}
              onChange={(apiIds) => onChange({ apiIds })}
            />
          )}
          {scope.apps !== 'none' && (
            <ApplicationSelect
              refId={refId}
              environmentId={listEnv}
              multi={scope.apps === 'many'}
              values={query.appIds}
              metadata={metadata}
              invalid={problems.appIds}
              onChange={(appIds) => onChange({ appIds })}
            />
          )}
        </EditorFieldGroup>
      )}
      {granularity && (
        <GranularitySelect
          refId={refId}
          value={query.granularity}
          onChange={(granularity: Granularity) => onChange({ granularity })}
        />
      )}
    </EditorRow>
  );
}

/**
 * The environment whose APIs and applications the selects list. A variable that does not
 * resolve to one id (unset, or "All") lists nothing rather than a wrong environment.
 */
function listEnvironment(environmentId: string | undefined, defaultEnvironmentId: string): string {
  const resolved = interpolate(environmentId) || defaultEnvironmentId;
  return resolved.includes('$') || resolved.includes(',') || resolved.includes('{') ? '' : resolved;
}
