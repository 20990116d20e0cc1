import {
  CustomVariableSupport,
  FieldType,
  createDataFrame,
  type DataQueryRequest,
  type DataQueryResponse,
  type MetricFindValue,
} from '@grafana/data';
import { map, of, type Observable } from 'rxjs';

import { VariableQueryEditor } from '../components/VariableQueryEditor';
import type { DataSource } from '../datasource';
import { QueryType, type ChoreoQuery } from '../types';
import { normalizeVariableQuery, parseStaticList, type VariableQuery } from './variableQuery';

/** Values as a frame with `text` and `value` fields: Grafana maps those to MetricFindValue. */
export function toFrame(values: MetricFindValue[]) {
  return createDataFrame({
    fields: [
      { name: 'text', type: FieldType.string, values: values.map((v) => v.text) },
      { name: 'value', type: FieldType.string, values: values.map((v) => String(v.value ?? v.text)) },
    ],
  });
}

/** The `text` / `value` pairs of the runner's variable frame, sorted by text. */
function valuesOf(response: DataQueryResponse): MetricFindValue[] {
  const frame = response.data?.[0];
  const column = (name: string): unknown[] =>
    frame?.fields.find((f: { name: string }) => f.name === name)?.values ?? [];
  const text = column('text');
  const value = column('value');
  const out: MetricFindValue[] = [];
  for (let i = 0; i < text.length; i++) {
    if (typeof text[i] === 'string' && text[i] !== '') {
      out.push({
        text: text[i] as string,
        value: typeof value[i] === 'string' ? (value[i] as string) : (text[i] as string),
      });
    }
  }
  return out.sort((a, b) => a.text.localeCompare(b.text));
}

/**
 * Grafana selects a variable's first value when a dashboard opens without a saved choice (as the
 * provisioned dashboards do), so the data source's default environment goes first.
 */
function defaultFirst(values: MetricFindValue[], defaultId: string): MetricFindValue[] {
  const i = values.findIndex((v) => v.value === defaultId);
  return i > 0 ? [values[i], ...values.slice(0, i), ...values.slice(i + 1)] : values;
}

/**
 * Template variables: every list of the List query type, run through the same runner as panels
 * (text = name, value = id), plus projects as a static list.
 */
export class ChoreoVariableSupport extends CustomVariableSupport<DataSource, VariableQuery> {
  editor = VariableQueryEditor;

  constructor(private readonly datasource: DataSource) {
    super();
  }

  query(request: DataQueryRequest<VariableQuery>): Observable<DataQueryResponse> {
    const target = normalizeVariableQuery(request.targets[0]);
    if (target.list === 'projects') {
      return of({ data: [toFrame(parseStaticList(target.projects))] });
    }
    const list: ChoreoQuery = {
      refId: target.refId,
      queryType: QueryType.List,
      list: target.list,
      environmentId: target.environmentId,
      projectId: target.projectId,
    };
    return this.datasource.run({ ...request, targets: [list] }, { output: 'variable' }).pipe(
      map((response): DataQueryResponse => {
        if (response.errors?.length) {
          // `error` too: Grafana versions before `errors` read only the single one.
          // eslint-disable-next-line @typescript-eslint/no-deprecated
          return { data: [], error: response.errors[0], errors: response.errors };
        }
        const values = valuesOf(response);
        const ordered =
          target.list === 'environments' ? defaultFirst(values, this.datasource.settings.defaultEnvironmentId) : values;
        return { data: [toFrame(ordered)] };
      })
    );
  }
}
