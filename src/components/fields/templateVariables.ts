import { getTemplateSrv } from '@grafana/runtime';
import type { ComboboxOption } from '@grafana/ui';

export const VARIABLES_GROUP = 'Dashboard variables';

/** The dashboard's variables as `$name` options, offered beside the listed ids. */
export function templateVariableOptions(): Array<ComboboxOption<string>> {
  return getTemplateSrv()
    .getVariables()
    .map((v) => ({ label: `$${v.name}`, value: `$${v.name}`, group: VARIABLES_GROUP }));
}

/** A value as the API will see it; lists for selects are loaded for the interpolated id. */
export function interpolate(value: string | undefined): string {
  return value ? getTemplateSrv().replace(value) : '';
}

/**
 * Keeps values that are in no option (an id from an older dashboard, an environment the token
 * cannot list, a variable since deleted) visible and removable instead of silently blank.
 */
export function withValues(
  options: Array<ComboboxOption<string>>,
  values: Array<string | undefined>
): Array<ComboboxOption<string>> {
  const known = new Set(options.map((o) => o.value));
  const extra = values
    .filter((v): v is string => Boolean(v) && !known.has(v as string))
    .map((v) => ({ label: v, value: v }));
  return extra.length ? [...options, ...extra] : options;
}
