import React, { useState } from 'react';
import { Field, Input } from '@grafana/ui';

import { MAX_RESULT_CACHE_TTL_SECONDS, resultCacheTtlProblem } from '../../settings/resultCacheTtl';

interface Props {
  value: number | undefined;
  /** Called with the new TTL once the text is valid (undefined when cleared: off). */
  onChange: (seconds: number | undefined) => void;
}

export const CACHE_TTL_LABEL = 'Result cache TTL (seconds)';

/**
 * The result cache's TTL, with the same inline validation as the text settings. The text is
 * kept locally so an invalid entry stays visible with its error; jsonData only ever gets a
 * valid whole number (or nothing).
 */
export function CacheTtlField({ value, onChange }: Props) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  const problem = resultCacheTtlProblem(text);
  return (
    <Field
      label={CACHE_TTL_LABEL}
      description={`Reuse an identical query's answer for this long (0 to ${MAX_RESULT_CACHE_TTL_SECONDS}; empty or 0 = off). Spares the API when many viewers load the same dashboard; answers may be this much older.`}
      invalid={Boolean(problem)}
      error={problem}
    >
      <Input
        id="choreo-resultCacheTtlSeconds"
        aria-label={CACHE_TTL_LABEL}
        type="number"
        min={0}
        max={MAX_RESULT_CACHE_TTL_SECONDS}
        step={1}
        width={20}
        placeholder="0"
        value={text}
        onChange={(e) => {
          const next = e.currentTarget.value.trim();
          setText(next);
          if (!resultCacheTtlProblem(next)) {
            onChange(next ? Number(next) : undefined);
          }
        }}
      />
    </Field>
  );
}
