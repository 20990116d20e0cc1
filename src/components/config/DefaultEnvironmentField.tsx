import React, { useEffect, useMemo, useState } from 'react';
import type { DataSourceSettings } from '@grafana/data';
import { getDataSourceSrv } from '@grafana/runtime';
import { Combobox, Field, Label, type ComboboxOption } from '@grafana/ui';

import type { DataSource } from '../../datasource';
import type { EnvironmentInfo } from '../../metadata/metadataService';
import type { ChoreoOptions, ChoreoSecureOptions } from '../../options';
import { settingProblem, SETTING_LABELS } from '../../settings/validateSettings';

export const DEFAULT_ENVIRONMENT_INPUT_ID = 'choreo-defaultEnvironmentId';
const LABEL_ID = `${DEFAULT_ENVIRONMENT_INPUT_ID}-label`;

type ListState =
  | { status: 'unsaved' }
  | { status: 'loading' }
  | { status: 'done'; environments: EnvironmentInfo[] }
  | { status: 'error'; message: string };

interface Props {
  options: DataSourceSettings<ChoreoOptions, ChoreoSecureOptions>;
  value: string | undefined;
  onChange: (environmentId: string) => void;
}

/**
 * Whether Grafana has saved credentials to list environments with: the list comes through the
 * saved data source's route, so what matters is what was saved, not what is typed.
 */
export function credentialsSaved(options: Props['options']): boolean {
  return Boolean(options.secureJsonFields?.consumerSecret && options.jsonData.consumerKey && options.jsonData.orgUuid);
}

/**
 * Loads the environments through the saved data source (its `insights` route, so Grafana's
 * server attaches the token). Reloads after each save: Grafana bumps `version` and builds a new
 * instance from the saved settings.
 */
function useEnvironments(options: Props['options']): ListState {
  const saved = credentialsSaved(options);
  const { uid, version } = options;
  // Tagged with what it was loaded for: a result of an older save reads as loading.
  const key = `${uid}@${version ?? 0}`;
  const [result, setResult] = useState<{ key: string; state: ListState }>();

  useEffect(() => {
    if (!saved) {
      return;
    }
    let live = true;
    // getDataSourceSrv is deprecated in Grafana 13 in favour of @grafana/runtime/unstable, which
    // Grafana 11.6 (the oldest version this plugin supports) does not have.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    const loading = getDataSourceSrv().get(uid);
    loading
      .then((ds) => (ds as DataSource).metadata.environments())
      .then(
        (environments): ListState => ({ status: 'done', environments }),
        (e: unknown): ListState => ({ status: 'error', message: e instanceof Error ? e.message : String(e) })
      )
      .then((state) => live && setResult({ key, state }));
    return () => {
      live = false;
    };
  }, [uid, key, saved]);

  if (!saved) {
    return { status: 'unsaved' };
  }
  return result?.key === key ? result.state : { status: 'loading' };
}

function hintFor(state: ListState): string {
  switch (state.status) {
    case 'unsaved':
      return 'The list of your environments appears after Save & test. Until then you can paste an environment id.';
    case 'loading':
      return 'Listing your environments…';
    case 'error':
      return `Could not list the environments (${state.message}). You can still type an environment id.`;
    case 'done':
      return state.environments.length
        ? 'Pick one, or type an environment id. Empty: the first environment.'
        : 'The organization has no environments to list. You can still type an environment id.';
  }
}

/**
 * The environment queries use when they pick none: a select filled from `listEnvironments`
 * once the credentials are saved, which still takes a typed id (a private data plane, or an
 * environment the credentials cannot list).
 */
export function DefaultEnvironmentField({ options, value, onChange }: Props) {
  const state = useEnvironments(options);
  const choices = useMemo((): Array<ComboboxOption<string>> => {
    const listed = state.status === 'done' ? state.environments : [];
    const items = listed.map((e) => ({
      label: e.name || e.id,
      value: e.id,
      description: e.type ? `${e.type} · ${e.id}` : e.id,
    }));
    // A saved id that is not (or not yet) listed stays selectable and shown.
    return value && !items.some((i) => i.value === value) ? [{ label: value, value }, ...items] : items;
  }, [state, value]);
  const problem = settingProblem('defaultEnvironmentId', value);

  return (
    <Field
      label={
        // Combobox drops aria-label: it is named by the label text alone (not the description
        // that Field puts inside the same <label>).
        <Label
          htmlFor={DEFAULT_ENVIRONMENT_INPUT_ID}
          description={`Environment used when a query names none. ${hintFor(state)}`}
        >
          <span id={LABEL_ID}>{SETTING_LABELS.defaultEnvironmentId}</span>
        </Label>
      }
      invalid={Boolean(problem)}
      error={problem}
    >
      <Combobox<string>
        id={DEFAULT_ENVIRONMENT_INPUT_ID}
        aria-labelledby={LABEL_ID}
        width={60}
        options={choices}
        value={value || null}
        loading={state.status === 'loading'}
        placeholder={state.status === 'unsaved' ? 'Environment id (optional)' : 'Choose an environment'}
        createCustomValue
        customValueDescription="Use this environment id"
        isClearable
        onChange={(item) => onChange(item?.value?.trim() ?? '')}
      />
    </Field>
  );
}
