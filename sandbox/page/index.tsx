/**
 * Entry of the sandbox page: installs what Grafana would provide around a plugin (BackendSrv,
 * TemplateSrv, DataSourceSrv, Monaco workers) before the plugin's modules run, then renders the page.
 */
import React from 'react';
import { createRoot } from 'react-dom/client';
import { setBackendSrv, setDataSourceSrv, setTemplateSrv } from '@grafana/runtime';

import { TestBackendSrv, windowFetch } from '../../testing/fakes/backendSrv';
import { App } from './App';
import { sandboxDataSourceSrv } from './dataSourceSrv';
import { installLiveReload } from './liveReload';
import { installMonacoWorkers } from './monaco';
import { demoTemplateSrv } from './demoVariables';

// The project's one BackendSrv (Grafana's backend_srv behaviour) over the page's own fetch; the
// browser adds its own headers, and a page left open does not keep every request.
setBackendSrv(
  new TestBackendSrv({ rootUrl: window.location.origin, transport: windowFetch, browserHeaders: {}, record: false })
);
setTemplateSrv(demoTemplateSrv());
setDataSourceSrv(sandboxDataSourceSrv);
installMonacoWorkers();
installLiveReload();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(<App />);
}
