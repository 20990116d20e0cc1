import type { Configuration } from 'webpack';
import { merge } from 'webpack-merge';
import grafanaConfig, { type Env } from './.config/webpack/webpack.config';

// Extends the create-plugin config (which must stay untouched so `create-plugin update` works).
// The bundled Insights schema is imported as text: the query editor validates GraphQL against it
// when introspection is not available, and the emulator serves the very same file.
const config = async (env: Env): Promise<Configuration> => {
  const baseConfig = await grafanaConfig(env);
  return merge(baseConfig, {
    module: {
      rules: [{ test: /\.graphql$/, type: 'asset/source' }],
    },
  });
};

export default config;
