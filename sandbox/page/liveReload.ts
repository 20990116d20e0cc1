import { SANDBOX_API } from './sandboxApi';

/**
 * With `sandbox --watch`, the server announces each finished rebuild on an event stream; the
 * page reloads itself. Without --watch the stream answers 204 and EventSource stops retrying.
 */
export function installLiveReload(): void {
  if (typeof EventSource === 'undefined') {
    return;
  }
  const events = new EventSource(SANDBOX_API.events);
  events.addEventListener('rebuilt', () => window.location.reload());
}
