import { useEffect, useState } from 'react';
import type { ComboboxOption } from '@grafana/ui';

export interface AsyncOptions {
  options: Array<ComboboxOption<string>>;
  loading: boolean;
  /** Why the list could not be loaded, for the field's description. */
  error?: string;
}

interface Loaded extends AsyncOptions {
  key: string;
}

const NOTHING: AsyncOptions = { options: [], loading: false };

/**
 * Loads select options for `key` (e.g. `apis:<env>`) and reloads when it changes. Results are
 * tagged with their key, so a slow answer for the previous environment is never shown for the
 * current one. With `enabled` false (no environment known yet) nothing is loaded.
 */
export function useAsyncOptions(
  key: string,
  enabled: boolean,
  load: () => Promise<Array<ComboboxOption<string>>>
): AsyncOptions {
  const [loaded, setLoaded] = useState<Loaded | undefined>(undefined);
  useEffect(() => {
    if (!enabled) {
      return;
    }
    let current = true;
    load().then(
      (options) => current && setLoaded({ key, options, loading: false }),
      (e: unknown) => current && setLoaded({ key, options: [], loading: false, error: errorText(e) })
    );
    return () => {
      current = false;
    };
    // `load` is a new closure on every render; `key` says when its result would differ.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, enabled]);
  if (!enabled) {
    return NOTHING;
  }
  return loaded?.key === key ? loaded : { options: [], loading: true };
}

function errorText(e: unknown): string {
  if (e instanceof Error) {
    return e.message;
  }
  if (typeof e === 'object' && e !== null && 'message' in e && typeof e.message === 'string') {
    return e.message;
  }
  return 'the list could not be loaded';
}
