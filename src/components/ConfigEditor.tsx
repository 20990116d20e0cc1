import React, { useState } from 'react';
import type { DataSourceJsonData, DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { ConfigSection } from '@grafana/plugin-ui';
import { Field, SecretInput } from '@grafana/ui';

import { DEFAULT_API_URL, DEFAULT_SCOPE, DEFAULT_TENANT, DEFAULT_TOKEN_URL } from '../constants';
import type { ChoreoOptions, ChoreoSecureOptions } from '../options';
import { settingProblem, SETTING_LABELS } from '../settings/validateSettings';
import { CacheTtlField } from './config/CacheTtlField';
import { SettingField } from './config/SettingField';

type Props = DataSourcePluginOptionsEditorProps<ChoreoOptions, ChoreoSecureOptions>;
type TextSetting = Exclude<keyof ChoreoOptions, keyof DataSourceJsonData | 'resultCacheTtlSeconds'>;

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
        <SettingField
          setting="consumerKey"
          required
          value={jsonData.consumerKey}
          description="The application's consumer key (OAuth2 client id)."
          onChange={setJson('consumerKey')}
        />
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
        <SettingField
          setting="orgHandle"
          required
          value={jsonData.orgHandle}
          description="Your organization's handle (Choreo Console → Settings → Copy Handle); sent to the token endpoint."
          onChange={setJson('orgHandle')}
        />
        <SettingField
          setting="orgUuid"
          required
          value={jsonData.orgUuid}
          placeholder="5b0d4e39-1c5a-4d3e-9f11-7a2c8e6b0d42"
          description="Your organization's UUID; every Insights query is scoped to it."
          onChange={setJson('orgUuid')}
        />
      </ConfigSection>

      <ConfigSection title="Query defaults" description="Used by queries that do not choose their own.">
        <SettingField
          setting="tenant"
          value={jsonData.tenant}
          placeholder={DEFAULT_TENANT}
          description={`Tenant of every query; Choreo cloud uses ${DEFAULT_TENANT}.`}
          onChange={setJson('tenant')}
        />
        <SettingField
          setting="defaultEnvironmentId"
          value={jsonData.defaultEnvironmentId}
          placeholder="Environment id (optional)"
          description="Environment id used when a query names none. Save & test lists your environments."
          onChange={setJson('defaultEnvironmentId')}
        />
        <CacheTtlField
          value={jsonData.resultCacheTtlSeconds}
          onChange={(seconds) =>
            onOptionsChange({ ...options, jsonData: { ...jsonData, resultCacheTtlSeconds: seconds } })
          }
        />
      </ConfigSection>

      <ConfigSection
        title="Advanced"
        description="Endpoints and scope. Leave empty to use Choreo's public endpoints."
        isCollapsible
        isInitiallyOpen={Boolean(jsonData.tokenUrl || jsonData.apiUrl || jsonData.scope)}
      >
        <SettingField
          setting="tokenUrl"
          value={jsonData.tokenUrl}
          placeholder={DEFAULT_TOKEN_URL}
          description="OAuth2 token endpoint (client credentials grant)."
          onChange={setJson('tokenUrl')}
        />
        <SettingField
          setting="apiUrl"
          value={jsonData.apiUrl}
          placeholder={DEFAULT_API_URL}
          description="Insights GraphQL endpoint."
          onChange={setJson('apiUrl')}
        />
        <SettingField
          setting="scope"
          value={jsonData.scope}
          placeholder={DEFAULT_SCOPE}
          trimOnBlurOnly
          description="OAuth2 scope requested with the token."
          onChange={setJson('scope')}
        />
      </ConfigSection>
    </>
  );
}
