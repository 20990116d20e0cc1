import React, { useState } from 'react';
import type { DataSourceJsonData, DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { ConfigSection } from '@grafana/plugin-ui';
import { Field, RadioButtonGroup, SecretInput } from '@grafana/ui';

import { DEFAULT_API_URL, DEFAULT_SCOPE, DEFAULT_TENANT, DEFAULT_TOKEN_URL } from '../constants';
import type { ChoreoOptions, ChoreoRegion, ChoreoSecureOptions } from '../options';
import { EU_API_URL_HINT, REGIONS, regionInfo, regionOf, withRegion } from '../settings/regions';
import { endpointProblem, settingProblem, SETTING_LABELS } from '../settings/validateSettings';
import { CacheTtlField } from './config/CacheTtlField';
import { RequestsSection } from './config/RequestsSection';
import { DefaultEnvironmentField } from './config/DefaultEnvironmentField';
import { SettingField, type SettingFieldProps } from './config/SettingField';

type Props = DataSourcePluginOptionsEditorProps<ChoreoOptions, ChoreoSecureOptions>;
type TextSetting = Exclude<
  keyof ChoreoOptions,
  keyof DataSourceJsonData | 'resultCacheTtlSeconds' | 'region' | 'coalesceRequests' | 'incrementalOverlapMinutes'
>;

export const REGION_INPUT_ID = 'choreo-region';

const API_URL_DESCRIPTION: Record<ChoreoRegion, string> = {
  us: 'Choreo US Insights GraphQL endpoint (fixed by the region; choose Custom to change it).',
  eu: `WSO2 does not document the EU Insights API URL: copy it from the ${EU_API_URL_HINT}`,
  custom: 'Insights GraphQL endpoint.',
};

/**
 * The data source's config page. Only identifiers go to jsonData (readable by every org user);
 * the consumer secret goes to secureJsonData, which Grafana's backend uses for the token request
 * and never returns to the browser.
 */
export function ConfigEditor({ options, onOptionsChange }: Props) {
  const { jsonData, secureJsonFields, secureJsonData } = options;
  const [secretTouched, setSecretTouched] = useState(false);

  const setJson = (key: TextSetting) => (value: string) =>
    onOptionsChange({ ...options, jsonData: { ...jsonData, [key]: value } });

  // A setting kept in jsonData as typed: its field reads and writes that key.
  const saved = (
    setting: TextSetting & SettingFieldProps['setting'],
    props: Omit<SettingFieldProps, 'setting' | 'value' | 'onChange'>
  ) => <SettingField setting={setting} value={jsonData[setting]} onChange={setJson(setting)} {...props} />;

  const region = regionOf(jsonData);
  const regionFixes = regionInfo(region);
  const secretConfigured = Boolean(secureJsonFields?.consumerSecret);
  const secretValue = secureJsonData?.consumerSecret ?? '';
  const secretProblem = settingProblem('consumerSecret', secretValue, secretConfigured);
  const showSecretProblem = Boolean(secretProblem) && secretTouched;

  return (
    <>
      <ConfigSection
        title="Choreo application"
        description="Credentials of a Choreo application subscribed to the Insights API (Choreo Developer Portal → Choreo System organization → your application → Production credentials)."
      >
        {saved('consumerKey', { required: true, description: "The application's consumer key (OAuth2 client id)." })}
        <Field
          label={SETTING_LABELS.consumerSecret}
          description="The application's consumer secret. Stored encrypted; Grafana's server uses it to fetch tokens and never sends it to the browser."
          required
          invalid={showSecretProblem}
          error={showSecretProblem ? secretProblem : undefined}
        >
          <SecretInput
            id="choreo-consumerSecret"
            aria-label={SETTING_LABELS.consumerSecret}
            width={60}
            isConfigured={secretConfigured}
            value={secretValue}
            placeholder="Consumer secret"
            onBlur={() => setSecretTouched(true)}
            onChange={(e) =>
              onOptionsChange({
                ...options,
                secureJsonData: { ...secureJsonData, consumerSecret: e.currentTarget.value.trim() },
              })
            }
            onReset={() =>
              onOptionsChange({
                ...options,
                secureJsonFields: { ...secureJsonFields, consumerSecret: false },
                secureJsonData: { ...secureJsonData, consumerSecret: '' },
              })
            }
          />
        </Field>
        {saved('orgHandle', {
          required: true,
          description:
            "Your organization's handle (Choreo Console → Settings → Copy Handle); sent to the token endpoint.",
        })}
        {saved('orgUuid', {
          required: true,
          placeholder: '5b0d4e39-1c5a-4d3e-9f11-7a2c8e6b0d42',
          description: "Your organization's UUID; every Insights query is scoped to it.",
        })}
      </ConfigSection>

      <ConfigSection
        title="Region"
        description="The Choreo control plane of your organization: Grafana's server gets tokens from the token URL and sends the queries to the Insights API URL."
      >
        <Field label={SETTING_LABELS.region} description={regionFixes.description}>
          <RadioButtonGroup<ChoreoRegion>
            id={REGION_INPUT_ID}
            options={REGIONS.map(({ value, label, description }) => ({ value, label, description }))}
            value={region}
            onChange={(next) => onOptionsChange({ ...options, jsonData: withRegion(jsonData, next) })}
          />
        </Field>
        <SettingField
          setting="tokenUrl"
          value={regionFixes.tokenUrl ?? jsonData.tokenUrl}
          readOnly={region !== 'custom'}
          placeholder={DEFAULT_TOKEN_URL}
          description={
            region === 'custom'
              ? 'OAuth2 token endpoint (client credentials grant).'
              : `${regionFixes.label} token endpoint (fixed by the region; choose Custom to change it).`
          }
          check={(v) => endpointProblem('tokenUrl', { ...jsonData, tokenUrl: v })}
          onChange={setJson('tokenUrl')}
        />
        <SettingField
          setting="apiUrl"
          value={regionFixes.apiUrl ?? jsonData.apiUrl}
          readOnly={region === 'us'}
          placeholder={region === 'eu' ? 'https://choreocontrolplane.eu.choreo.dev/…/query-api' : DEFAULT_API_URL}
          required={region === 'eu'}
          // Just switched to EU: say at once that the URL is missing, with where to find it.
          eager={jsonData.region === 'eu'}
          description={API_URL_DESCRIPTION[region]}
          check={(v) => endpointProblem('apiUrl', { ...jsonData, apiUrl: v })}
          onChange={setJson('apiUrl')}
        />
      </ConfigSection>

      <ConfigSection title="Query defaults" description="Used by queries that do not choose their own.">
        {saved('tenant', {
          placeholder: DEFAULT_TENANT,
          description: `Tenant of every query; Choreo cloud uses ${DEFAULT_TENANT}.`,
        })}
        <DefaultEnvironmentField
          options={options}
          value={jsonData.defaultEnvironmentId}
          onChange={setJson('defaultEnvironmentId')}
        />
        <CacheTtlField
          value={jsonData.resultCacheTtlSeconds}
          onChange={(seconds) =>
            onOptionsChange({ ...options, jsonData: { ...jsonData, resultCacheTtlSeconds: seconds } })
          }
        />
      </ConfigSection>

      <RequestsSection
        jsonData={jsonData}
        onChange={(patch) => onOptionsChange({ ...options, jsonData: { ...jsonData, ...patch } })}
      />

      <ConfigSection
        title="Advanced"
        description="OAuth2 scope. Leave empty for the Insights API's scope."
        isCollapsible
        isInitiallyOpen={Boolean(jsonData.scope)}
      >
        {saved('scope', {
          placeholder: DEFAULT_SCOPE,
          trimOnBlurOnly: true,
          description: 'OAuth2 scope requested with the token.',
        })}
      </ConfigSection>
    </>
  );
}
