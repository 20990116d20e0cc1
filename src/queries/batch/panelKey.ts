import type { DataQueryRequest } from '@grafana/data';

/**
 * Which panel a request comes from, so a newer run of the same panel supersedes the older.
 * Grafana gives every run a fresh requestId ('Q101', 'Q102'...), so the requestId alone
 * cannot tell; a panel is its app, dashboard and panel id, plus the values of repeat variables
 * (repeated panels can share a panel id). Without a panel id (Explore, whose requestIds are
 * per pane), the requestId is the key.
 */
export function panelKey(
  r: Pick<DataQueryRequest, 'app' | 'dashboardUID' | 'panelId' | 'requestId' | 'scopedVars'>
): string {
  if (r.panelId === undefined || r.panelId === null) {
    return `request:${r.requestId}`;
  }
  const repeat = Object.entries(r.scopedVars ?? {})
    // __interval, __sceneObject & co. are not repeat values (and some are objects).
    .filter(([name]) => !name.startsWith('__'))
    .map(([name, v]) => `${name}=${String(v?.value)}`)
    .sort()
    .join('&');
  return `${r.app}|${r.dashboardUID ?? ''}|${r.panelId}|${repeat}`;
}
