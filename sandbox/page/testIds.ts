/**
 * Test ids of the sandbox's own page elements (not the plugin's; those are in
 * src/components/selectors.ts). Shared with browser-tests so a rename breaks loudly.
 */
export const SandboxIds = {
  themeSwitch: 'sandbox-theme',
  tabs: {
    settings: 'Settings',
    query: 'Query',
    variables: 'Variables',
    annotations: 'Annotations',
    dashboards: 'Dashboards',
  },
  saveAndTest: 'sandbox-save-and-test',
  fillDemo: 'sandbox-fill-demo',
  testResult: 'sandbox-test-result',
  rangePicker: 'sandbox-range',
  runQuery: 'sandbox-run-query',
  queryState: 'sandbox-query-state',
  queryError: 'sandbox-query-error',
  results: 'sandbox-results',
  timeSeries: 'sandbox-timeseries',
  frameTable: (index: number) => `sandbox-frame-${index}`,
  /** The annotation page's events, as Grafana's annotation runner makes them (processEvents). */
  annotationEvents: 'sandbox-annotation-events',
  notSaved: 'sandbox-not-saved',
  dashboardPicker: 'sandbox-dashboard-picker',
  /** Carries data-dashboard (file key) and data-panels-done / data-panels (counts) for waits. */
  dashboard: 'sandbox-dashboard',
  /** Carries data-type, data-state (a LoadingState) and data-rows. */
  dashboardPanel: (id: number) => `sandbox-panel-${id}`,
  /** The dashboard's own links (Grafana's dashboard links bar): anchors to the other dashboards. */
  dashboardLinks: 'sandbox-dashboard-links',
  /** A panel header's drill-down links menu (time series, stat). */
  panelLinks: (id: number) => `sandbox-panel-links-${id}`,
} as const;

/** Button labels the tests click by role and name, as in Grafana. */
export const SandboxLabels = {
  saveAndTest: 'Save & test',
  fillDemo: 'Fill in demo credentials',
  runQuery: 'Run query',
  /** The query row's help toggle (Grafana's QueryEditorRow titles it so). */
  showHelp: 'Show data source help',
  ranges: { last24h: 'Last 24 hours', last7d: 'Last 7 days' },
} as const;
