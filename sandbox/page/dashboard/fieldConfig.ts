/**
 * A panel's fieldConfig (defaults and overrides) applied to its frames, as Grafana's
 * applyFieldOverrides would. Grafana's own needs the field config registry that core Grafana
 * fills with its standard options; outside Grafana it is empty and would drop every setting.
 * Precedence as in Grafana: overrides, then the field's own config from the data source, then
 * the panel defaults.
 */
import {
  FieldColorModeId,
  FieldType,
  getDisplayProcessor,
  getFieldDisplayName,
  getFieldMatcher,
  type DataFrame,
  type Field,
  type FieldConfig,
  type FieldConfigSource,
  type GrafanaTheme2,
} from '@grafana/data';

/** What Grafana's timeseries panel defaults to when the dashboard leaves a setting out. */
const CUSTOM_DEFAULTS = { lineWidth: 1, fillOpacity: 0, pointSize: 5, showPoints: 'auto', axisPlacement: 'auto' };

type Config = FieldConfig & Record<string, unknown>;

/**
 * A default axis label is the y axis's: Grafana does not apply it to the time or string field
 * that becomes the x axis (grafana/grafana#44713); an override still can.
 */
function defaultCustom(custom: FieldConfig['custom'], field: Field): FieldConfig['custom'] {
  if (field.type !== FieldType.time && field.type !== FieldType.string) {
    return custom;
  }
  const { axisLabel: _yAxisOnly, ...rest } = custom ?? {};
  return rest;
}

/** Sets `custom.axisPlacement`-style property paths, copying objects on the way (no mutation). */
function withProperty(config: Config, path: string, value: unknown): Config {
  const [head, ...rest] = path.split('.');
  if (rest.length === 0) {
    return { ...config, [head]: value };
  }
  const inner = (config[head] ?? {}) as Config;
  return { ...config, [head]: withProperty(inner, rest.join('.'), value) };
}

export function applyFieldConfig(
  frames: DataFrame[],
  fieldConfig: FieldConfigSource | undefined,
  theme: GrafanaTheme2
): DataFrame[] {
  const defaults = fieldConfig?.defaults ?? {};
  const overrides = (fieldConfig?.overrides ?? []).map((o) => ({
    matches: getFieldMatcher(o.matcher),
    properties: o.properties,
  }));
  let seriesIndex = 0;
  return frames.map((frame) => {
    const fields = frame.fields.map((field): Field => {
      let config: Config = {
        ...defaults,
        ...field.config,
        custom: { ...CUSTOM_DEFAULTS, ...defaultCustom(defaults.custom, field), ...field.config.custom },
      };
      config.color ??= { mode: FieldColorModeId.PaletteClassic };
      for (const override of overrides) {
        if (override.matches(field, frame, frames)) {
          for (const { id, value } of override.properties) {
            config = withProperty(config, id, value);
          }
        }
      }
      const index = field.type === FieldType.number ? seriesIndex++ : undefined;
      // The display name first: byRegexp/byName matchers and legends read it from state.
      const state = { ...field.state, seriesIndex: index, displayName: undefined };
      const prepared: Field = { ...field, config, state };
      // Against a frame holding this very object: Grafana tells a field from a namesake by
      // identity, and would otherwise name it "API 1".
      const inPlace = { ...frame, fields: frame.fields.map((f) => (f === field ? prepared : f)) };
      prepared.state = { ...state, displayName: getFieldDisplayName(prepared, inPlace, frames) };
      // On the returned object itself: colour calculators read field.state when called, and
      // getFieldDisplayValues sets a per-row palette index there.
      prepared.display = getDisplayProcessor({ field: prepared, theme });
      return prepared;
    });
    return { ...frame, fields };
  });
}
