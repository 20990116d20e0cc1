/**
 * The emulator's fixed catalogue: credentials, organisation, environments, projects, APIs and
 * applications. Ids are fixed so tests, dashboards and docs can refer to them.
 */

export interface ClientCredentials {
  consumerKey: string;
  consumerSecret: string;
  orgHandle: string;
  orgUuid: string;
}

export const DEMO_CREDENTIALS = {
  consumerKey: 'choreo-demo-key',
  consumerSecret: 'choreo-demo-secret',
  orgHandle: 'demo-org',
  orgUuid: '5b0d4e39-1c5a-4d3e-9f11-7a2c8e6b0d42',
  scope: 'apim:api_manage',
  /** For getSuccessAPIsUsageByApplicationsWithOnPremKey, the only query that takes a key argument. */
  onPremKey: 'demo-onprem-key-7f3a91',
} as const;

/** A second, empty organisation: its tokens must not read the demo org's data. */
export const OTHER_ORG_CREDENTIALS = {
  consumerKey: 'acme-corp-key',
  consumerSecret: 'acme-corp-secret',
  orgHandle: 'acme-corp',
  orgUuid: 'c2f4a8e1-6b3d-4f7a-9e21-3d5b7c9a1f60',
  scope: 'apim:api_manage',
} as const;

export const TENANT = 'carbon.super';

export interface OrgDef {
  /** Choreo's numeric-looking organisation id (Organization.id). */
  id: string;
  uuid: string;
  handle: string;
  name: string;
}

export const ORGS: readonly OrgDef[] = [
  { id: '80214', uuid: DEMO_CREDENTIALS.orgUuid, handle: DEMO_CREDENTIALS.orgHandle, name: 'Demo Org' },
  { id: '80377', uuid: OTHER_ORG_CREDENTIALS.orgUuid, handle: OTHER_ORG_CREDENTIALS.orgHandle, name: 'Acme Corp' },
];

export const CLIENTS: readonly ClientCredentials[] = [DEMO_CREDENTIALS, OTHER_ORG_CREDENTIALS];

export interface EnvDef {
  id: string;
  externalEnvId: string;
  internalEnvId: string | null;
  sandboxEnvId: string | null;
  name: string;
  type: 'CHOREO';
  /** Multiplier on each API's production request rate. */
  volume: number;
}

export const ENVIRONMENTS: readonly EnvDef[] = [
  {
    id: 'b3f9e8a2-6c1d-4e7b-9a5f-2d8c0e1b7a01',
    externalEnvId: 'c41e7d5a-8b2f-4a93-b6e0-5f1d2c3a4b02',
    internalEnvId: 'dev-internal',
    sandboxEnvId: null,
    name: 'Development',
    type: 'CHOREO',
    volume: 0.03,
  },
  {
    id: 'd5a2c8f1-3e7b-4b9d-8c6a-0f4e2b1d9c03',
    externalEnvId: 'e6b3d9a2-4f8c-4cae-9d7b-1a5f3c2e0d04',
    internalEnvId: 'staging-internal',
    sandboxEnvId: null,
    name: 'Staging',
    type: 'CHOREO',
    volume: 0.12,
  },
  {
    id: 'f7c4e0b3-5a9d-4dbf-ae8c-2b6a4d3f1e05',
    externalEnvId: '08d5f1c4-6bae-4ec0-bf9d-3c7b5e4a2f06',
    internalEnvId: 'prod-internal',
    sandboxEnvId: 'prod-sandbox',
    name: 'Production',
    type: 'CHOREO',
    volume: 1,
  },
];

/** Convenience handles for tests and docs. */
export const ENV_IDS = {
  development: ENVIRONMENTS[0].id,
  staging: ENVIRONMENTS[1].id,
  production: ENVIRONMENTS[2].id,
} as const;

export interface ProjectDef {
  id: string;
  name: string;
}

export const PROJECTS: readonly ProjectDef[] = [
  { id: '3a1f5c7e-9b2d-4f6a-8c1e-5d7b9a3f2c10', name: 'Commerce' },
  { id: '4b2a6d8f-0c3e-4a7b-9d2f-6e8c0b4a3d20', name: 'Customer Identity' },
  { id: '5c3b7e9a-1d4f-4b8c-ae3a-7f9d1c5b4e30', name: 'Partner Integrations' },
];

export interface ResourceDef {
  template: string;
  method: string;
  weight: number;
}

/** When an API has traffic: 'always', UTC business hours only, or weekdays only. */
export type ActivityPattern = 'always' | 'businessHours' | 'weekdays';

export interface ApiDef {
  id: string;
  name: string;
  version: string;
  provider: string;
  projectId: string;
  backend: string;
  /** Environment names this API is deployed to. */
  deployedTo: readonly string[];
  /** Requests per hour at the daily peak in Production. */
  peakPerHour: number;
  baseErrorRate: number;
  /** Typical backend median latency in ms. */
  backendMedianMs: number;
  activity: ActivityPattern;
  cached: boolean;
  resources: readonly ResourceDef[];
  /** Relative error category mix: auth, targetConnectivity, throttled, other. */
  errorMix: readonly [number, number, number, number];
  /** Which platform / user-agent mix (PLATFORMS, USER_AGENTS) its callers have. */
  deviceProfile: 'web' | 'mobile' | 'server';
}

const ALL_ENVS = ['Development', 'Staging', 'Production'] as const;

export const APIS: readonly ApiDef[] = [
  {
    id: '6e1a9f3c-2b7d-4c8e-9a1f-3d5b7c9e1a01',
    name: 'Orders API',
    version: 'v1',
    provider: 'alice@demo-org.dev',
    projectId: PROJECTS[0].id,
    backend: 'https://orders.commerce.demo-org.internal',
    deployedTo: ALL_ENVS,
    peakPerHour: 1800,
    baseErrorRate: 0.012,
    backendMedianMs: 48,
    activity: 'always',
    cached: true,
    resources: [
      { template: '/orders', method: 'GET', weight: 5 },
      { template: '/orders', method: 'POST', weight: 2 },
      { template: '/orders/{orderId}', method: 'GET', weight: 6 },
      { template: '/orders/{orderId}', method: 'DELETE', weight: 0.5 },
    ],
    errorMix: [3, 1, 2, 4],
    deviceProfile: 'web',
  },
  {
    id: '7f2b0a4d-3c8e-4d9f-8b2a-4e6c8d0f2b02',
    name: 'Orders API',
    version: 'v2',
    provider: 'alice@demo-org.dev',
    projectId: PROJECTS[0].id,
    backend: 'https://orders-v2.commerce.demo-org.internal',
    deployedTo: ['Development', 'Staging'],
    peakPerHour: 700,
    baseErrorRate: 0.035,
    backendMedianMs: 36,
    activity: 'always',
    cached: true,
    resources: [
      { template: '/orders', method: 'GET', weight: 4 },
      { template: '/orders', method: 'POST', weight: 2 },
      { template: '/orders/{orderId}', method: 'GET', weight: 5 },
      { template: '/orders/{orderId}', method: 'PATCH', weight: 1 },
    ],
    errorMix: [2, 1, 1, 6],
    deviceProfile: 'mobile',
  },
  {
    id: '8a3c1b5e-4d9f-4e0a-9c3b-5f7d9e1a3c03',
    name: 'Payments API',
    version: '1.0.0',
    provider: 'bob@demo-org.dev',
    projectId: PROJECTS[0].id,
    backend: 'https://payments.commerce.demo-org.internal',
    deployedTo: ALL_ENVS,
    peakPerHour: 950,
    baseErrorRate: 0.008,
    backendMedianMs: 120,
    activity: 'always',
    cached: false,
    resources: [
      { template: '/payments', method: 'POST', weight: 4 },
      { template: '/payments/{paymentId}', method: 'GET', weight: 3 },
      { template: '/refunds', method: 'POST', weight: 0.6 },
    ],
    errorMix: [4, 2, 1, 2],
    deviceProfile: 'mobile',
  },
  {
    id: '9b4d2c6f-5e0a-4f1b-ad4c-6a8e0f2b4d04',
    name: 'Inventory API',
    version: 'v1',
    provider: 'bob@demo-org.dev',
    projectId: PROJECTS[0].id,
    backend: 'https://legacy-erp.demo-org.example.com',
    deployedTo: ALL_ENVS,
    peakPerHour: 600,
    baseErrorRate: 0.02,
    backendMedianMs: 210,
    activity: 'businessHours',
    cached: true,
    resources: [
      { template: '/items', method: 'GET', weight: 5 },
      { template: '/items/{sku}', method: 'GET', weight: 4 },
      { template: '/items/{sku}/stock', method: 'PUT', weight: 1 },
    ],
    errorMix: [1, 4, 1, 3],
    deviceProfile: 'server',
  },
  {
    id: 'ac5e3d7a-6f1b-4a2c-be5d-7b9f1a3c5e05',
    name: 'Customers API',
    version: 'v1',
    provider: 'carol@demo-org.dev',
    projectId: PROJECTS[1].id,
    backend: 'https://customers.identity.demo-org.internal',
    deployedTo: ALL_ENVS,
    peakPerHour: 1200,
    baseErrorRate: 0.01,
    backendMedianMs: 65,
    activity: 'always',
    cached: true,
    resources: [
      { template: '/customers', method: 'GET', weight: 3 },
      { template: '/customers', method: 'POST', weight: 1 },
      { template: '/customers/{customerId}', method: 'GET', weight: 6 },
      { template: '/customers/{customerId}', method: 'PUT', weight: 1.5 },
    ],
    errorMix: [5, 1, 1, 3],
    deviceProfile: 'web',
  },
  {
    id: 'bd6f4e8b-7a2c-4b3d-8f6e-8c0a2b4d6f06',
    name: 'Shipping Partner API',
    version: '2.1.0',
    provider: 'partner-team@demo-org.dev',
    projectId: PROJECTS[2].id,
    backend: 'https://legacy-erp.demo-org.example.com',
    deployedTo: ALL_ENVS,
    peakPerHour: 420,
    baseErrorRate: 0.025,
    backendMedianMs: 340,
    activity: 'weekdays',
    cached: false,
    resources: [
      { template: '/shipments', method: 'POST', weight: 3 },
      { template: '/shipments/{trackingId}', method: 'GET', weight: 5 },
      { template: '/rates', method: 'GET', weight: 2 },
    ],
    errorMix: [1, 3, 3, 3],
    deviceProfile: 'server',
  },
];

export interface AppDef {
  id: string;
  name: string;
  owner: string;
  /** API id -> relative share of that API's traffic coming from this application. */
  subscriptions: Readonly<Record<string, number>>;
}

const [ORDERS_V1, ORDERS_V2, PAYMENTS, INVENTORY, CUSTOMERS, SHIPPING] = APIS.map((a) => a.id);

export const APPLICATIONS: readonly AppDef[] = [
  {
    id: '1d7a5f9c-8b3e-4c4f-9a7b-9d1b3c5e7a11',
    name: 'Web Storefront',
    owner: 'alice@demo-org.dev',
    subscriptions: { [ORDERS_V1]: 5, [PAYMENTS]: 4, [CUSTOMERS]: 4, [INVENTORY]: 2 },
  },
  {
    id: '2e8b6a0d-9c4f-4d5a-8b8c-0e2c4d6f8b12',
    name: 'Mobile App',
    owner: 'carol@demo-org.dev',
    subscriptions: { [ORDERS_V1]: 4, [ORDERS_V2]: 6, [PAYMENTS]: 5, [CUSTOMERS]: 3 },
  },
  {
    id: '3f9c7b1e-0d5a-4e6b-9c9d-1f3d5e7a9c13',
    name: 'Partner Portal',
    owner: 'partner-team@demo-org.dev',
    subscriptions: { [SHIPPING]: 6, [ORDERS_V1]: 1, [INVENTORY]: 3 },
  },
  {
    id: '4a0d8c2f-1e6b-4f7c-8dae-2a4e6f8b0d14',
    name: 'Analytics Batch',
    owner: 'bob@demo-org.dev',
    subscriptions: { [ORDERS_V1]: 1, [ORDERS_V2]: 1, [PAYMENTS]: 1, [INVENTORY]: 2, [CUSTOMERS]: 1, [SHIPPING]: 1 },
  },
  {
    id: '5b1e9d3a-2f7c-4a8d-9ebf-3b5f7a9c1e15',
    name: 'Admin Console',
    owner: 'dave@demo-org.dev',
    subscriptions: { [CUSTOMERS]: 2, [INVENTORY]: 1, [SHIPPING]: 1 },
  },
];

/** Relative platform mix per API device profile; more than nine so that "Other" appears. */
export const PLATFORMS: Readonly<Record<ApiDef['deviceProfile'], Readonly<Record<string, number>>>> = {
  web: {
    Windows: 30,
    macOS: 18,
    Android: 16,
    iOS: 14,
    Linux: 8,
    'Chrome OS': 4,
    iPadOS: 3,
    Ubuntu: 2,
    Fedora: 1,
    FreeBSD: 0.4,
    Tizen: 0.3,
    KaiOS: 0.2,
    Unknown: 0.6,
  },
  mobile: {
    Android: 40,
    iOS: 34,
    iPadOS: 6,
    Windows: 6,
    macOS: 5,
    Linux: 2,
    'Chrome OS': 1.5,
    HarmonyOS: 1.2,
    Tizen: 0.8,
    KaiOS: 0.7,
    Unknown: 1,
  },
  server: {
    Linux: 60,
    Ubuntu: 14,
    Windows: 8,
    'Red Hat': 6,
    Debian: 5,
    macOS: 3,
    FreeBSD: 1.5,
    Alpine: 1.2,
    Unknown: 1,
    Android: 0.3,
  },
};

export const USER_AGENTS: Readonly<Record<ApiDef['deviceProfile'], Readonly<Record<string, number>>>> = {
  web: {
    Chrome: 38,
    Safari: 16,
    Edge: 12,
    Firefox: 9,
    'Mobile Safari': 8,
    'Chrome Mobile': 8,
    Opera: 2,
    'Samsung Internet': 2,
    PostmanRuntime: 1.5,
    curl: 1,
    Unknown: 0.8,
  },
  mobile: {
    okhttp: 30,
    CFNetwork: 26,
    'Mobile Safari': 12,
    'Chrome Mobile': 12,
    Chrome: 5,
    Safari: 4,
    'Samsung Internet': 3,
    Dalvik: 2.5,
    Firefox: 1,
    curl: 0.5,
  },
  server: {
    'Apache-HttpClient': 28,
    'python-requests': 22,
    'Go-http-client': 18,
    Java: 10,
    'node-fetch': 8,
    curl: 6,
    PostmanRuntime: 3,
    axios: 3,
    Unknown: 2,
  },
};

export function findOrgByHandle(handle: string): OrgDef | undefined {
  return ORGS.find((o) => o.handle === handle);
}

export function findOrgByUuid(uuid: string): OrgDef | undefined {
  return ORGS.find((o) => o.uuid === uuid);
}

export function compositeApiId(api: ApiDef): string {
  return `${api.name} - ${api.version}`;
}

/** Only the demo org owns data; other orgs see empty catalogues. */
export function environmentsOf(orgUuid: string): readonly EnvDef[] {
  return orgUuid === DEMO_CREDENTIALS.orgUuid ? ENVIRONMENTS : [];
}

export function apisOf(orgUuid: string): readonly ApiDef[] {
  return orgUuid === DEMO_CREDENTIALS.orgUuid ? APIS : [];
}

export function applicationsOf(orgUuid: string): readonly AppDef[] {
  return orgUuid === DEMO_CREDENTIALS.orgUuid ? APPLICATIONS : [];
}

export function projectsOf(orgUuid: string): readonly ProjectDef[] {
  return orgUuid === DEMO_CREDENTIALS.orgUuid ? PROJECTS : [];
}
