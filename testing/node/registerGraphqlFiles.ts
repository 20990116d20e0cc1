/**
 * Lets plain Node (tsx scripts: checkDashboards, bench) load `.graphql` files as text, as webpack
 * (asset/source) and jest (testing/jest/graphqlTransform.js) do: the catalog's documents are
 * imported by src/catalog/files.ts. Import this module before anything from src/.
 */
import fs from 'node:fs';

require.extensions['.graphql'] = (m, filename) => {
  m.exports = fs.readFileSync(filename, 'utf8');
};
