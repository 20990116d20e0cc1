import React, { useState } from 'react';
import { act, render } from '@testing-library/react';

import type { ChoreoQuery } from '../../types';
import { QueryEditor } from '../QueryEditor';
import { deepFreeze } from './deepFreeze';
import { fakeDataSource, fakeMetadata } from './fakes';

/**
 * Renders the editor the way a panel does: the query lives in the parent and comes back as a
 * new prop after each onChange. Every query handed to the editor is deep-frozen, so an editor
 * that mutates its props throws. Resolves once the metadata lists have loaded.
 */
export async function renderQueryEditor(initial: ChoreoQuery, options: { defaultEnvironmentId?: string } = {}) {
  const metadata = fakeMetadata();
  const datasource = fakeDataSource(metadata, options.defaultEnvironmentId ?? 'env-prod');
  const onChange = jest.fn<void, [ChoreoQuery]>();
  const onRunQuery = jest.fn<void, []>();

  function Panel() {
    const [query, setQuery] = useState(() => deepFreeze(initial));
    return (
      <QueryEditor
        query={query}
        datasource={datasource}
        onChange={(q) => {
          onChange(q);
          setQuery(deepFreeze(q));
        }}
        onRunQuery={onRunQuery}
      />
    );
  }
  const utils = render(<Panel />);
  // Let the metadata lists (resolved promises) land inside act, as they would before any click.
  await act(async () => {});
  /** The query after the last change. */
  const lastQuery = () => onChange.mock.calls[onChange.mock.calls.length - 1]?.[0];
  return { ...utils, metadata, onChange, onRunQuery, lastQuery };
}
