/**
 * Lets the plugin's browser code (and @grafana/runtime, which touches window at import) load in
 * plain Node for scripts/checkDashboards.ts. Jest specs get the same from jest-environment-jsdom.
 * Call before importing anything from src/.
 */
import { JSDOM } from 'jsdom';
import '../../node/registerGraphqlFiles';

/** Node's own networking and timers stay: the proxy harness and the emulator run on them. */
const FROM_DOM_ALWAYS = ['Event', 'CustomEvent', 'EventTarget', 'KeyboardEvent', 'MouseEvent'];

export function installDom(): void {
  // @grafana/ui, pulled in through the editors' shared modules, requires stylesheets and icons.
  for (const ext of ['.css', '.scss', '.svg']) {
    require.extensions[ext] = (m) => {
      m.exports = {};
    };
  }
  const dom = new JSDOM('<!doctype html><html><body></body></html>', {
    url: 'http://localhost/',
    pretendToBeVisual: true,
  });
  const globals = globalThis as unknown as Record<string, unknown>;
  const win = dom.window as unknown as Record<string, unknown>;
  for (const key of Object.getOwnPropertyNames(dom.window)) {
    if (!(key in globals)) {
      globals[key] = win[key];
    }
  }
  for (const key of FROM_DOM_ALWAYS) {
    globals[key] = win[key];
  }
  globals.window = dom.window;
  globals.matchMedia = () => ({
    matches: false,
    addListener() {},
    removeListener() {},
    addEventListener() {},
    removeEventListener() {},
  });
  // What Grafana's index.html sets before any plugin loads (see NOTES.md).
  win.grafanaBootData = { settings: {}, user: {}, navTree: [], assets: { dark: '', light: '' } };
  win.__grafana_public_path__ = '/public/';
}
