/**
 * Stand-in for what the lead's new query layer adds to frames that show an API: a string field
 * `API ID` right after `API` in table and top-N frames, and an `apiId` label next to `api` on
 * per-API series. Applied only where a frame lacks them, so it does nothing once the real query
 * layer provides them. Display names map back to ids through the environment's API list, the
 * same list the plugin names APIs from.
 */
import { FieldType, type DataFrame, type Field } from '@grafana/data';

import { formatApiName } from '../../../src/metadata/apiDisplayName';
import type { ApiInfo } from '../../../src/metadata/metadataService';
import { API_ID_FIELD, API_ID_LABEL } from '../../../testing/ship/lib/dataLinks';

export function withApiIds(frames: DataFrame[], apis: ApiInfo[]): DataFrame[] {
  const idByName = new Map(apis.map((a) => [formatApiName(a.name, a.version), a.id]));
  const idOf = (name: unknown) => (typeof name === 'string' ? (idByName.get(name) ?? '') : '');
  return frames.map((frame) => {
    const apiIndex = frame.fields.findIndex((f) => f.name === 'API' && f.type === FieldType.string);
    let fields = frame.fields.map((field): Field => {
      const api = field.labels?.api;
      if (api === undefined || field.labels?.[API_ID_LABEL] !== undefined) {
        return field;
      }
      return { ...field, labels: { ...field.labels, [API_ID_LABEL]: idOf(api) } };
    });
    if (apiIndex >= 0 && !frame.fields.some((f) => f.name === API_ID_FIELD)) {
      const apiField = frame.fields[apiIndex];
      const idField: Field = {
        name: API_ID_FIELD,
        type: FieldType.string,
        config: {},
        values: apiField.values.map(idOf),
      };
      fields = [...fields.slice(0, apiIndex + 1), idField, ...fields.slice(apiIndex + 1)];
    }
    return { ...frame, fields };
  });
}
