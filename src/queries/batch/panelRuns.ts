/**
 * The run in progress per panel: starting a run aborts the panel's previous one, whose
 * requests are then cancelled (unless another panel shares them) and whose answer is dropped.
 */
export class PanelRuns {
  private readonly running = new Map<string, AbortController>();

  start(key: string): AbortController {
    this.running.get(key)?.abort();
    const controller = new AbortController();
    this.running.set(key, controller);
    return controller;
  }

  finish(key: string, controller: AbortController): void {
    if (this.running.get(key) === controller) {
      this.running.delete(key);
    }
  }
}
