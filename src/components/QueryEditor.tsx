import React from 'react';
import type { QueryEditorProps } from '@grafana/data';

import type { DataSource } from '../datasource';
import type { ChoreoOptions } from '../options';
import type { ChoreoQuery } from '../types';

type Props = QueryEditorProps<DataSource, ChoreoQuery, ChoreoOptions>;

export function QueryEditor(_props: Props) {
  return <div>Query editor under construction.</div>;
}
