import React from 'react';

import type { GraphQLQueryEditorProps } from './GraphQLQueryEditor';

export default function GraphQLEditorBody(_props: GraphQLQueryEditorProps) {
  return <div>GraphQL editor loading (work in progress).</div>;
}
