/**
 * Monaco's web workers. @grafana/ui already points Monaco's loader at the bundled monaco-editor
 * (no CDN); without workers it logs errors and runs language services on the main thread.
 */
interface MonacoEnvironment {
  getWorker(workerId: string, label: string): Worker;
}

export function installMonacoWorkers(): void {
  (self as unknown as { MonacoEnvironment: MonacoEnvironment }).MonacoEnvironment = {
    getWorker(_workerId, label) {
      if (label === 'json') {
        return new Worker(new URL('monaco-editor/esm/vs/language/json/json.worker', import.meta.url));
      }
      return new Worker(new URL('monaco-editor/esm/vs/editor/editor.worker', import.meta.url));
    },
  };
}
