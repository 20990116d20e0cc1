import fs from 'node:fs';
import path from 'node:path';

import { buildVectors, serialize, VECTOR_FILES } from '../../scripts/settingsVectors';

const ROOT = path.resolve(__dirname, '../..');

/**
 * The Go backend proves its settings checks and health messages equal the frontend's by
 * passing catalog/vectors/ (pkg/plugin/vectors_test.go). These specs prove the committed
 * vectors are what the TypeScript computes today: change validateSettings, resolveSettings,
 * resultCacheTtl or checkHealth without `npx tsx scripts/settingsVectors.ts` and they fail.
 */
describe('settings and health parity vectors', () => {
  let vectors: Awaited<ReturnType<typeof buildVectors>>;

  beforeAll(async () => {
    vectors = await buildVectors();
  });

  it.each(Object.entries(VECTOR_FILES) as Array<[keyof typeof VECTOR_FILES, string]>)(
    '%s: %s is what the TypeScript computes now',
    (name, file) => {
      const committed = fs.readFileSync(path.join(ROOT, file), 'utf8');
      // Parsed first for a readable diff, then byte for byte (the file is generated, not edited).
      expect(JSON.parse(committed)).toEqual(JSON.parse(serialize(vectors[name])));
      expect(committed).toBe(serialize(vectors[name]));
    }
  );

  it('covers every setting and both secret states', () => {
    const { cases } = vectors.validate as {
      cases: Array<{ issues: Array<{ key: string }>; secretConfigured: unknown }>;
    };
    const keys = new Set(cases.flatMap((c) => c.issues.map((i) => i.key)));
    expect([...keys].sort()).toEqual(
      [
        'apiUrl',
        'consumerKey',
        'consumerSecret',
        'defaultEnvironmentId',
        'orgHandle',
        'orgUuid',
        'scope',
        'tenant',
        'tokenUrl',
      ].sort()
    );
    expect(new Set(cases.map((c) => c.secretConfigured))).toEqual(new Set([true, false, null]));
  });
});
