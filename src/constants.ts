/**
 * Choreo's public endpoints and the defaults the data source falls back to when a setting is
 * left empty. `src/plugin.json` repeats these inside its route templates (`{{ or .JsonData.x
 * "default" }}`), because Grafana's backend applies them without running any plugin code; a spec
 * keeps both in step.
 */
export const DEFAULT_API_URL = 'https://choreocontrolplane.choreo.dev/93tu/insights/1.0.0/query-api';
export const DEFAULT_TOKEN_URL = 'https://sts.choreo.dev/oauth2/token';
export const DEFAULT_SCOPE = 'apim:api_manage';
export const DEFAULT_TENANT = 'carbon.super';

/** The `path` of the only route in plugin.json. The frontend must never call any other path. */
export const INSIGHTS_ROUTE = 'insights';

/** Grafana's data source proxy answers an upstream 401 with this plain-text 400 body. */
export const GRAFANA_AUTH_FAILED_TEXT = 'Authentication to data source failed';
