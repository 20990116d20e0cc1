import React, { useEffect, useMemo, useState } from 'react';
import { css, cx } from '@emotion/css';
import { createTheme, type GrafanaTheme2 } from '@grafana/data';
import {
  Alert,
  GlobalStyles,
  PortalContainer,
  RadioButtonGroup,
  Tab,
  TabsBar,
  ThemeContext,
  useStyles2,
} from '@grafana/ui';

import { AnnotationsPage } from './AnnotationsPage';
import { ConfigPage } from './ConfigPage';
import { createDataSource, type SandboxDataSource } from './createDataSource';
import { DashboardPage } from './dashboard/DashboardPage';
import { initialSettings, type Settings } from './datasourceSettings';
import { QueryPage } from './QueryPage';
import { getInfo, type SandboxInfo } from './sandboxApi';
import { SandboxIds } from './testIds';
import { VariablesPage } from './VariablesPage';

type Mode = 'dark' | 'light';
type TabKey = keyof typeof SandboxIds.tabs;
const TABS = Object.keys(SandboxIds.tabs) as TabKey[];

// Theme and tab live in the URL so a reload (or a test, or a screenshot) lands on the same view.
function readUrl(): { mode: Mode; tab: TabKey } {
  const params = new URLSearchParams(window.location.search);
  const tab = window.location.hash.slice(1) as TabKey;
  return { mode: params.get('theme') === 'light' ? 'light' : 'dark', tab: TABS.includes(tab) ? tab : 'settings' };
}

export function App() {
  const [{ mode, tab }, setView] = useState(readUrl);
  const theme = useMemo(() => createTheme({ colors: { mode } }), [mode]);
  const [info, setInfo] = useState<SandboxInfo>();
  const [loadError, setLoadError] = useState<string>();
  const [settings, setSettings] = useState<Settings>(initialSettings);
  const [datasource, setDatasource] = useState<SandboxDataSource>();

  useEffect(() => {
    const onHashChange = () => setView(readUrl());
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  useEffect(() => {
    getInfo().then(
      (i) => {
        setInfo(i);
        // Like Grafana's settings page: start from what the server has saved (no secrets).
        const saved: Settings = {
          ...initialSettings(),
          jsonData: i.saved.jsonData,
          secureJsonFields: i.saved.secureJsonFields,
        };
        setSettings(saved);
        setDatasource(createDataSource(saved, i.instanceUrl));
      },
      (e: unknown) => setLoadError(e instanceof Error ? e.message : String(e))
    );
  }, []);

  const navigate = (next: { mode?: Mode; tab?: TabKey }) => {
    const view = { mode: next.mode ?? mode, tab: next.tab ?? tab };
    const url = new URL(window.location.href);
    url.searchParams.set('theme', view.mode);
    url.hash = view.tab;
    window.history.replaceState(null, '', url);
    setView(view);
  };

  const onSaved = (saved: Settings) => {
    const ds = createDataSource(saved, info?.instanceUrl ?? '');
    setDatasource(ds);
    return ds;
  };

  return (
    <ThemeContext.Provider value={theme}>
      <GlobalStyles />
      <PortalContainer />
      <Layout
        mode={mode}
        tab={tab}
        onNavigate={navigate}
        body={
          loadError ? (
            <Alert severity="error" title={`The sandbox server did not answer: ${loadError}`} />
          ) : !datasource ? null : tab === 'settings' ? (
            <ConfigPage settings={settings} info={info} onChange={setSettings} onSaved={onSaved} />
          ) : (
            <>
              {!settings.jsonData.consumerKey && (
                <div data-testid={SandboxIds.notSaved}>
                  <Alert
                    severity="warning"
                    title="The data source is not configured: fill in Settings, then Save & test."
                  />
                </div>
              )}
              {/* A new instance after each save remounts the editors, as Grafana does. */}
              {tab === 'query' && <QueryPage key={settings.version} datasource={datasource} />}
              {tab === 'variables' && <VariablesPage key={settings.version} datasource={datasource} />}
              {tab === 'annotations' && <AnnotationsPage key={settings.version} datasource={datasource} />}
              {tab === 'dashboards' && <DashboardPage key={settings.version} datasource={datasource} />}
            </>
          )
        }
      />
    </ThemeContext.Provider>
  );
}

interface LayoutProps {
  mode: Mode;
  tab: TabKey;
  onNavigate: (next: { mode?: Mode; tab?: TabKey }) => void;
  body: React.ReactNode;
}

function Layout({ mode, tab, onNavigate, body }: LayoutProps) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <h1 className={styles.title}>Choreo Insights data source — sandbox</h1>
        <div data-testid={SandboxIds.themeSwitch}>
          <RadioButtonGroup<Mode>
            size="sm"
            options={[
              { label: 'Dark', value: 'dark' },
              { label: 'Light', value: 'light' },
            ]}
            value={mode}
            onChange={(m) => onNavigate({ mode: m })}
          />
        </div>
      </header>
      <TabsBar>
        {TABS.map((key) => (
          <Tab
            key={key}
            label={SandboxIds.tabs[key]}
            active={tab === key}
            onChangeTab={() => onNavigate({ tab: key })}
          />
        ))}
      </TabsBar>
      {/* A dashboard uses the full width, on the canvas colour, as in Grafana. */}
      <main className={cx(styles.content, tab === 'dashboards' && styles.dashboard)}>{body}</main>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({ minHeight: '100vh', padding: theme.spacing(2, 3), background: theme.colors.background.canvas }),
  header: css({
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    marginBottom: theme.spacing(2),
  }),
  title: css({ fontSize: theme.typography.h3.fontSize, margin: 0 }),
  content: css({
    background: theme.colors.background.primary,
    border: `1px solid ${theme.colors.border.weak}`,
    borderTop: 'none',
    padding: theme.spacing(2),
    maxWidth: 1200,
  }),
  dashboard: css({ maxWidth: 'none', background: theme.colors.background.canvas }),
});
