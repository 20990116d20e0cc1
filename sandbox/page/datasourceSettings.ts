/**
 * The data source's settings as Grafana keeps them on the config page: jsonData (visible to
 * everyone), secureJsonData (write-only, typed by the user since the last save) and
 * secureJsonFields (which secrets are stored). Saving moves secrets to the server side and
 * leaves only flags in the browser, exactly what the plugin's ConfigEditor sees in Grafana.
 */
import type { DataSourceInstanceSettings, DataSourcePluginMeta, DataSourceSettings, KeyValue } from '@grafana/data';

import pluginJson from '../../src/plugin.json';
import type { ChoreoOptions, ChoreoSecureOptions } from '../../src/options';
import type { SaveRequest } from './sandboxApi';

export type Settings = DataSourceSettings<ChoreoOptions, ChoreoSecureOptions>;

export const DATASOURCE_UID = 'choreo-sandbox';
export const DATASOURCE_ID = 1;

// plugin.json carries build placeholders (%VERSION%); the page only needs what Grafana's
// DataSourcePluginMeta declares, so the JSON is narrowed to it once here.
const META = {
  ...pluginJson,
  module: 'public/plugins/choreo-insights-datasource/module.js',
  baseUrl: 'public/plugins/choreo-insights-datasource',
} as unknown as DataSourcePluginMeta<ChoreoOptions>;

export function initialSettings(): Settings {
  return {
    id: DATASOURCE_ID,
    uid: DATASOURCE_UID,
    orgId: 1,
    name: 'Choreo Insights (sandbox)',
    type: pluginJson.id,
    typeName: pluginJson.name,
    typeLogoUrl: '',
    access: 'proxy',
    url: '',
    user: '',
    database: '',
    basicAuth: false,
    basicAuthUser: '',
    isDefault: true,
    jsonData: {},
    secureJsonData: {},
    secureJsonFields: {},
    readOnly: false,
    withCredentials: false,
    version: 1,
  };
}

/** The body of the save request: secrets typed since the last save, nothing else secret. */
export function saveRequest(settings: Settings): SaveRequest {
  const secureJsonData: ChoreoSecureOptions = {};
  const typed = settings.secureJsonData ?? {};
  for (const [key, value] of Object.entries(typed) as Array<[keyof ChoreoSecureOptions, string | undefined]>) {
    if (value !== undefined) {
      secureJsonData[key] = value;
    }
  }
  return { jsonData: settings.jsonData, secureJsonData };
}

/** What Grafana's API answers after a save: secrets become flags, the typed values are gone. */
export function afterSave(settings: Settings): Settings {
  const fields: KeyValue<boolean> = { ...settings.secureJsonFields };
  for (const [key, value] of Object.entries(settings.secureJsonData ?? {})) {
    fields[key] = Boolean(value);
  }
  return { ...settings, secureJsonData: {}, secureJsonFields: fields, version: (settings.version ?? 1) + 1 };
}

/** The instance settings a DataSource is constructed with (what the browser receives). */
export function instanceSettings(settings: Settings, instanceUrl: string): DataSourceInstanceSettings<ChoreoOptions> {
  return {
    id: settings.id,
    uid: settings.uid,
    type: settings.type,
    name: settings.name,
    meta: META,
    url: instanceUrl,
    jsonData: settings.jsonData,
    access: 'proxy',
    readOnly: false,
  };
}
