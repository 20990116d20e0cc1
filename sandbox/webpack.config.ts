/**
 * Webpack config of the sandbox page. Unlike the plugin's `.config/webpack` (which makes react
 * and `@grafana/*` external because Grafana provides them), the page bundles everything itself,
 * and each shared library must exist exactly once: two copies of react break hooks, two of
 * `@grafana/runtime` give the plugin a BackendSrv the page never set.
 */
import HtmlWebpackPlugin from 'html-webpack-plugin';
import path from 'node:path';
import type { Configuration } from 'webpack';

const ROOT = path.resolve(__dirname, '..');
export const SANDBOX_DIST = path.resolve(__dirname, 'dist');

const pkgDir = (name: string, from = ROOT) => path.dirname(require.resolve(`${name}/package.json`, { paths: [from] }));

const UI_DIR = pkgDir('@grafana/ui');

// The versions Grafana itself shares with plugins at run time: @grafana/ui's own copies where the
// root holds another version (the plugin pins @emotion/css 11.10.6, @grafana/ui 13.1 uses 11.13).
const SINGLETONS: Record<string, string> = {
  react: pkgDir('react'),
  'react-dom': pkgDir('react-dom'),
  rxjs: pkgDir('rxjs'),
  '@grafana/data': pkgDir('@grafana/data'),
  '@grafana/ui': UI_DIR,
  '@grafana/runtime': pkgDir('@grafana/runtime'),
  '@grafana/schema': pkgDir('@grafana/schema'),
  '@grafana/i18n': pkgDir('@grafana/i18n', UI_DIR),
  '@grafana/plugin-ui': pkgDir('@grafana/plugin-ui'),
  '@grafana/e2e-selectors': pkgDir('@grafana/e2e-selectors', UI_DIR),
  '@emotion/css': pkgDir('@emotion/css', UI_DIR),
  '@emotion/react': pkgDir('@emotion/react', UI_DIR),
};

export interface SandboxBuildOptions {
  /** Source maps make the cold build ~50% slower; the browser tests go without. */
  sourceMaps?: boolean;
}

export function sandboxWebpackConfig({ sourceMaps = true }: SandboxBuildOptions = {}): Configuration {
  return {
    mode: 'development',
    context: __dirname,
    target: 'web',
    entry: { sandbox: './page/index.tsx' },
    devtool: sourceMaps ? 'eval-cheap-module-source-map' : false,
    output: {
      path: SANDBOX_DIST,
      filename: '[name].js',
      chunkFilename: '[name].[contenthash].js',
      assetModuleFilename: 'assets/[name].[contenthash][ext]',
      publicPath: '/',
      clean: true,
    },
    // Re-builds take ~4 s instead of ~15 s; the cache lives with the other tool caches.
    cache: {
      type: 'filesystem',
      cacheDirectory: path.resolve(ROOT, 'node_modules/.cache/sandbox-webpack'),
      buildDependencies: { config: [__filename] },
      name: sourceMaps ? 'sourcemaps' : 'plain',
    },
    resolve: {
      extensions: ['.js', '.jsx', '.ts', '.tsx', '.mjs'],
      // The plugin's tsconfig has baseUrl `src`, so its code may import 'components/...'.
      modules: [path.resolve(ROOT, 'src'), 'node_modules'],
      alias: SINGLETONS,
      // Some ESM dependencies import without file extensions.
      fullySpecified: false,
    },
    module: {
      rules: [
        {
          test: /\.[jt]sx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'swc-loader',
            options: {
              jsc: {
                target: 'es2020',
                parser: { syntax: 'typescript', tsx: true, dynamicImport: true },
                transform: { react: { runtime: 'classic' } },
              },
            },
          },
        },
        // Without this, `.mjs` files are strict ESM and `Table` crashes on `CustomScrollbar`.
        { test: /\.mjs$/, include: /node_modules/, type: 'javascript/auto', resolve: { fullySpecified: false } },
        { test: /\.css$/, use: ['style-loader', 'css-loader'] },
        { test: /\.(ttf|woff2?|eot|svg|png)$/, type: 'asset/resource' },
        // The plugin imports its bundled Insights schema as text, like its own build does.
        { test: /\.graphql$/, type: 'asset/source' },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        title: 'Choreo Insights data source — sandbox',
        template: path.resolve(__dirname, 'page/index.html'),
      }),
    ],
    performance: { hints: false },
    stats: 'errors-warnings',
    infrastructureLogging: { level: 'error' },
  };
}
