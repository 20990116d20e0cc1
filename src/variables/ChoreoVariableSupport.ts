import {
  CustomVariableSupport,
  FieldType,
  createDataFrame,
  type DataQueryRequest,
  type DataQueryResponse,
  type MetricFindValue,
} from '@grafana/data';
import { from, type Observable } from 'rxjs';

import { VariableQueryEditor } from '../components/VariableQueryEditor';
import type { DataSource } from '../datasource';
import { listValues } from './listValues';
import { normalizeVariableQuery, type VariableQuery } from './variableQuery';

/** Values as a frame with `text` and `value` fields: Grafana maps those to MetricFindValue. */
export function toFrame(values: MetricFindValue[]) {
  return createDataFrame({
    fields: [
      { name: 'text', type: FieldType.string, values: values.map((v) => v.text) },
      { name: 'value', type: FieldType.string, values: values.map((v) => String(v.value ?? v.text)) },
    ],
  });
}

/** Template variables: environments, projects (static), APIs, applications, providers, subscribers, tenants. */
export class ChoreoVariableSupport extends CustomVariableSupport<DataSource, VariableQuery> {
  editor = VariableQueryEditor;

  constructor(private readonly datasource: DataSource) {
    super();
  }

  query(request: DataQueryRequest<VariableQuery>): Observable<DataQueryResponse> {
    return from(this.run(request));
  }

  private async run(request: DataQueryRequest<VariableQuery>): Promise<DataQueryResponse> {
    const target = normalizeVariableQuery(request.targets[0]);
    try {
      const values = await listValues(target, this.datasource.deps(), request.scopedVars);
      return { data: [toFrame(values)] };
    } catch (e) {
      return { data: [], error: { message: e instanceof Error ? e.message : String(e), refId: target.refId } };
    }
  }
}
