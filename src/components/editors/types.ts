import type { ChoreoQuery } from '../../types';
import type { QueryProblems } from './validation';

/** What each query type's own editor gets: the query, its problems, and a patch callback. */
export interface TypeEditorProps {
  query: ChoreoQuery;
  problems: QueryProblems;
  onChange: (patch: Partial<ChoreoQuery>) => void;
}
