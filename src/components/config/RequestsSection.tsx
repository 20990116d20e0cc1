import React, { useState } from 'react';
import { ConfigSection } from '@grafana/plugin-ui';
import { Field, Input, Switch } from '@grafana/ui';

import { DEFAULT_OVERLAP_MINUTES } from '../../runner/incremental/cache';
import type { ChoreoOptions } from '../../options';

export const COALESCE_LABEL = 'Share requests between panels';
export const OVERLAP_LABEL = 'Incremental refresh overlap (minutes)';
export const MAX_OVERLAP_MINUTES = 1440;

/** The overlap text's problem, or undefined for a whole number from 0 to a day (empty: the default). */
export function overlapProblem(text: string): string | undefined {
  if (text === '') {
    return undefined;
  }
  const n = Number(text);
  return Number.isInteger(n) && n >= 0 && n <= MAX_OVERLAP_MINUTES
    ? undefined
    : `Enter a whole number of minutes from 0 to ${MAX_OVERLAP_MINUTES} (0 turns incremental refresh off).`;
}

interface Props {
  jsonData: ChoreoOptions;
  onChange: (patch: Partial<ChoreoOptions>) => void;
}

/** How the plugin spares the Insights API (and its rate limit) on dashboard loads and refreshes. */
export function RequestsSection({ jsonData, onChange }: Props) {
  const [overlap, setOverlap] = useState(
    jsonData.incrementalOverlapMinutes === undefined ? '' : String(jsonData.incrementalOverlapMinutes)
  );
  const problem = overlapProblem(overlap);
  return (
    <ConfigSection title="Requests" description="How dashboards spare the Insights API.">
      <Field
        label={COALESCE_LABEL}
        description="Panels that load or refresh at the same moment send one GraphQL request together. Turn off only to debug one panel's request."
      >
        <Switch
          id="choreo-coalesceRequests"
          value={jsonData.coalesceRequests !== false}
          onChange={(e) => onChange({ coalesceRequests: e.currentTarget.checked ? undefined : false })}
        />
      </Field>
      <Field
        label={OVERLAP_LABEL}
        description={`A time series refreshed over a moved range fetches only its newest buckets, from this long before its last complete one (late data), and reuses the rest. Empty: ${DEFAULT_OVERLAP_MINUTES}; 0: off.`}
        invalid={Boolean(problem)}
        error={problem}
      >
        <Input
          id="choreo-incrementalOverlapMinutes"
          aria-label={OVERLAP_LABEL}
          width={20}
          placeholder={String(DEFAULT_OVERLAP_MINUTES)}
          value={overlap}
          onChange={(e) => {
            const next = e.currentTarget.value.trim();
            setOverlap(next);
            if (!overlapProblem(next)) {
              onChange({ incrementalOverlapMinutes: next === '' ? undefined : Number(next) });
            }
          }}
        />
      </Field>
    </ConfigSection>
  );
}
