import fc from 'fast-check';

/** Every way the API (or something in front of it) may write a bucket time, good and bad. */
export const timestampArb: fc.Arbitrary<unknown> = fc.oneof(
  fc
    .date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true })
    .chain((d) =>
      fc.constantFrom(
        d.toISOString(),
        d.toISOString().replace('Z', '0000+05:30'),
        d.toISOString().replace('Z', ''),
        d.toISOString().replace('T', ' '),
        d.toISOString().slice(0, 10),
        d.getTime(),
        String(d.getTime() / 1000),
        d.toUTCString()
      )
    ),
  fc.constantFrom('', 'soon', '2026-13-45T99:99:99Z', '2026-02-30', null, 'NaN', '0000-00-00')
);

/** JSON leaves biased towards what the Insights API answers with, and what it should not. */
export const leafArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.integer() },
  { weight: 2, arbitrary: fc.double() },
  { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 2, arbitrary: timestampArb },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(Number.MAX_SAFE_INTEGER, -0, 1e308, '12', 'null') }
);

/** Arbitrary JSON whose object keys come mostly from `keys` (the fields a document asks for). */
export function jsonAround(keys: readonly string[], depth = 4): fc.Arbitrary<unknown> {
  const key = keys.length
    ? fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...keys) }, fc.string({ maxLength: 4 }))
    : fc.string();
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', maxDepth: depth },
      leafArb,
      fc.array(tie('value'), { maxLength: 6 }),
      fc.dictionary(key, tie('value'), { maxKeys: 6 })
    ),
  }));
  return value;
}

/** Field names and aliases of a GraphQL document: the keys its answer is made of. */
export function documentKeys(document: string): string[] {
  const words = document.replace(/\$\w+|"[^"]*"/g, ' ').match(/[A-Za-z_]\w*/g) ?? [];
  return [...new Set(words.filter((w) => !['query', 'on', 'true', 'false', 'null'].includes(w)))];
}
