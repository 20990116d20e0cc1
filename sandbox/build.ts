/**
 * Builds the sandbox page with webpack's Node API: once, or in watch mode with a callback after
 * each successful rebuild. In-process rather than through webpack-cli so `npm run sandbox` is a
 * single tsx process with no ts-node config loading.
 */
import webpack, { type Stats } from 'webpack';

import { sandboxWebpackConfig, type SandboxBuildOptions } from './webpack.config';

export interface BuildHandle {
  close(): Promise<void>;
}

function problems(stats: Stats | undefined): string | undefined {
  if (!stats || !stats.hasErrors()) {
    return undefined;
  }
  return stats.toString({ all: false, errors: true, errorDetails: false, colors: false });
}

export function buildOnce(options: SandboxBuildOptions): Promise<void> {
  const compiler = webpack(sandboxWebpackConfig(options));
  return new Promise((resolve, reject) => {
    compiler.run((err, stats) => {
      compiler.close(() => {
        const failure = err?.message ?? problems(stats);
        failure ? reject(new Error(`Sandbox build failed:\n${failure}`)) : resolve();
      });
    });
  });
}

/** Resolves after the first build; later builds call onRebuilt (or log their errors). */
export function buildAndWatch(options: SandboxBuildOptions, onRebuilt: () => void): Promise<BuildHandle> {
  const compiler = webpack(sandboxWebpackConfig(options));
  let first = true;
  return new Promise((resolve, reject) => {
    const stop = (done: () => void) => (watching ? watching.close(() => done()) : compiler.close(() => done()));
    const watching = compiler.watch({ aggregateTimeout: 300, ignored: /node_modules|sandbox\/dist/ }, (err, stats) => {
      const failure = err?.message ?? problems(stats);
      if (first) {
        first = false;
        if (failure) {
          stop(() => reject(new Error(`Sandbox build failed:\n${failure}`)));
          return;
        }
        resolve({ close: () => new Promise<void>((done) => stop(done)) });
        return;
      }
      if (failure) {
        console.error(`Sandbox rebuild failed (the page keeps the previous build):\n${failure}`);
      } else {
        console.log(`Sandbox rebuilt in ${(stats?.endTime ?? 0) - (stats?.startTime ?? 0)} ms`);
        onRebuilt();
      }
    });
  });
}
