import { document } from '../../src/catalog/catalog';
import { documentFile } from './runVector';
import type { NeutralFrame } from './vector';

/** How a vector writes `meta.executedQueryString`: the document by file, not its text again. */
export interface ExecutedQuery {
  document: string;
  variables: unknown;
  pages: number;
}

const PAGES = /^\n# (\d+) pages fetched; variables of the first page/;

/** The string as catalog/README.md describes it. */
export function renderExecuted(e: ExecutedQuery): string {
  const more = e.pages > 1 ? `\n# ${e.pages} pages fetched; variables of the first page` : '';
  return `${document(e.document).trim()}\n\n# variables${more}\n${JSON.stringify(e.variables, null, 2)}`;
}

/** The structured form of a runner's string; undefined when it is not a catalog document's. */
export function describeExecuted(s: string): ExecutedQuery | undefined {
  const at = s.indexOf('\n\n# variables');
  if (at < 0) {
    return undefined;
  }
  const text = s.slice(0, at);
  const file = documentFile(text);
  let rest = s.slice(at + '\n\n# variables'.length);
  const m = PAGES.exec(rest);
  const pages = m ? Number(m[1]) : 1;
  rest = m ? rest.slice(m[0].length) : rest;
  if (!file || !rest.startsWith('\n')) {
    return undefined;
  }
  return { document: file, variables: JSON.parse(rest.slice(1)), pages };
}

/** Frames as a vector stores them: executed queries in their structured form. */
export function storeFrames(frames: NeutralFrame[]): NeutralFrame[] {
  return frames.map((f) => {
    const s = f.meta.executedQueryString;
    const e = typeof s === 'string' ? describeExecuted(s) : undefined;
    return e ? { ...f, meta: { ...f.meta, executedQueryString: e } } : f;
  });
}

/** Frames as a runner makes them: executed queries rendered back to text. */
export function loadFrames(frames: NeutralFrame[]): NeutralFrame[] {
  return frames.map((f) => {
    const e = f.meta.executedQueryString;
    return e && typeof e === 'object'
      ? { ...f, meta: { ...f.meta, executedQueryString: renderExecuted(e as ExecutedQuery) } }
      : f;
  });
}
