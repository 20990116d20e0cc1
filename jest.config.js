// force timezone to UTC to allow tests to work regardless of local timezone
// generally used by snapshots, but can affect specific tests
process.env.TZ = 'UTC';

const base = require('./.config/jest.config');
const { grafanaESModules, nodeModulesToTransform } = require('./.config/jest/utils');

module.exports = {
  ...base,
  // Unit tests live beside the code in src/; the emulator and the Grafana-faithful proxy have
  // their own specs; integration tests (real DataSource -> proxy -> emulator) live in testing/.
  testMatch: [
    '<rootDir>/src/**/*.{spec,test}.{ts,tsx}',
    '<rootDir>/emulator/**/*.{spec,test}.ts',
    '<rootDir>/testing/**/*.{spec,test}.{ts,tsx}',
  ],
  transform: {
    ...base.transform,
    '\\.graphql$': '<rootDir>/testing/jest/graphqlTransform.js',
    // d3-color and friends ship .mjs only
    '^.+\\.mjs$': base.transform['^.+\\.(t|j)sx?$'],
  },
  // @grafana/plugin-ui pulls in ESM-only cel-js; graphql-language-service's
  // vscode-languageserver-types resolves to its ESM build under jsdom's browser conditions.
  transformIgnorePatterns: [
    nodeModulesToTransform([...grafanaESModules, '@marcbachmann/cel-js', 'vscode-languageserver-types']),
  ],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'jsx', 'json', 'graphql'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};
