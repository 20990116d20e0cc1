/**
 * Entry of the sandbox page: installs what Grafana would provide around a plugin (BackendSrv,
 * TemplateSrv, Monaco workers) before the plugin's modules run, then renders the page.
 */
import React from 'react';
import { createRoot } from 'react-dom/client';
import { setBackendSrv, setTemplateSrv } from '@grafana/runtime';

import { App } from './App';
import { sandboxBackendSrv } from './backendSrv';
import { installLiveReload } from './liveReload';
import { installMonacoWorkers } from './monaco';
import { demoTemplateSrv } from './demoVariables';

setBackendSrv(sandboxBackendSrv);
setTemplateSrv(demoTemplateSrv());
installMonacoWorkers();
installLiveReload();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(<App />);
}
