/**
 * The catalog's format, as TypeScript reads it. The files themselves (catalog/common.json,
 * catalog/types/*.json, catalog/documents/*.graphql) are the source of truth; catalog/README.md
 * describes the format for every reader (this runner, the Go backend).
 */

/** A JSON value evaluated against a context: see catalog/README.md, "Expressions". */
export type Expr = null | boolean | number | string | Expr[] | { [key: string]: Expr };

export type Arity = 'none' | 'one' | 'many' | 'required';

export interface ScopeRules {
  environment: boolean;
  apis: Arity;
  apps: Arity;
}

export type OptionType = 'enum' | 'enumList' | 'integer' | 'string' | 'stringList';
export type OptionWidget = 'select' | 'multiselect' | 'radio' | 'number' | 'text' | 'tags';

export interface OptionValue {
  value: string;
  label: string;
  description?: string;
  /** Facts the frames read through `attrs.<option>.<key>` (e.g. a metric's unit). */
  attrs?: Record<string, string>;
}

export interface OptionDef {
  /** Context name (`options.<name>`). */
  name: string;
  /** Where the saved query keeps it (dot path); defaults to `name`. */
  path?: string;
  type: OptionType;
  label: string;
  /** How messages name it ("error category"); defaults to the label. */
  noun?: string;
  selector: string;
  widget: OptionWidget;
  tooltip?: string;
  placeholder?: string;
  width?: number;
  clearable?: boolean;
  allowCustom?: boolean;
  customValueDescription?: string;
  /** An extra radio choice that means "not set". */
  emptyLabel?: string;
  /** Used when the saved query does not set it; null: none (overrides a shared option's). */
  default?: string | number | string[] | null;
  /** What a new query of this type saves; null: nothing. */
  initial?: string | number | string[] | null;
  values?: OptionValue[];
  min?: number;
  max?: number;
  /** Integers above `max` are read as `max` (with a notice) instead of refused. */
  clamp?: boolean;
  minItems?: number;
  maxItems?: number;
  messages?: Partial<Record<'minItems' | 'maxItems', string>>;
  /** Editor row (0 = first). */
  row?: number;
}

/** An option entry in a type file: a full definition, or a shared one (`use`) with overrides. */
export type OptionEntry = OptionDef | (Partial<OptionDef> & { use: string });

export interface RequestSpec {
  document: string;
  variables: Expr;
}

export interface SeriesSpec {
  /** Iterate: one series per item of this list (context `item`). */
  each?: string;
  /** With `each`: only the first this many items (a number, else all). */
  limit?: Expr;
  /** With `each`: series ordered by this text (UTF-16 code units, stable), after `limit`. */
  sortBy?: Expr;
  include?: Expr;
  buckets: string;
  /** Paths inside one bucket. */
  time: string;
  value: string;
  field: Expr;
  displayName?: Expr;
  labels?: Record<string, Expr>;
  unit: Expr;
  fill: Expr;
  axis?: 'right';
}

export interface ColumnSpec {
  name: string;
  type: 'time' | 'string' | 'number';
  value: Expr;
  unit?: string;
  displayName?: string;
}

export type FrameShape = 'timeseries-wide' | 'numeric-wide' | 'numeric-long' | 'table';

export interface TimeSeriesFrameSpec {
  kind: 'timeSeries';
  shape: FrameShape;
  granularityFrom?: string[];
  series: SeriesSpec[];
  /**
   * The browser may refresh this frame incrementally (fetch only the newest buckets and merge):
   * its buckets are not ranked. `key` names an `each` item across answers.
   */
  incremental?: { key?: Expr };
}

export interface TableFrameSpec {
  kind: 'table';
  shape: FrameShape;
  /** The root object is the only row. */
  single?: boolean;
  rows?: string;
  sort?: { column: string; order: 'asc' | 'desc' };
  columns: ColumnSpec[];
}

export interface PivotFrameSpec {
  kind: 'pivot';
  shape: FrameShape;
  rows: string;
  keys: ColumnSpec[];
  cells: string;
  column: Expr;
  value: Expr;
  unit: string;
}

export type FrameSpec = TimeSeriesFrameSpec | TableFrameSpec | PivotFrameSpec;

export interface NoticeSpec {
  when: { present?: string[]; absent?: string[] };
  severity: 'info' | 'warning';
  text: string;
}

export interface PaginationSpec {
  /** Paths inside the response data. */
  rows: string;
  total: string;
}

export interface VariableSpec {
  rows: string;
  text: Expr;
  value: Expr;
}

/** What a variant may set; anything it leaves out comes from the type. */
export interface VariantCase {
  scope?: ScopeRules;
  request?: RequestSpec;
  frames?: FrameSpec;
  lookups?: LookupName[];
  pagination?: PaginationSpec;
  notices?: NoticeSpec[];
  variable?: VariableSpec;
}

export type LookupName = 'apiNames' | 'environments';

export interface TypeFile extends VariantCase {
  type: string;
  label: string;
  description: string;
  page: string;
  scope: ScopeRules;
  granularity: boolean;
  options: OptionEntry[];
  messages?: { apiRequired?: string };
  variants?: { option: string; cases: Record<string, VariantCase> };
  /** Raw GraphQL: no request or frames here, the document is the user's. */
  raw?: boolean;
}

export interface LookupSpec {
  type: string;
  variant: string;
  rows: string;
  id: string;
  name: string;
  version?: string;
  unknown?: string;
}

export interface CommonFile {
  pages: string[];
  defaultType: string;
  granularities: Record<string, number>;
  defaultMaxDataPoints: number;
  maxFilterIds: number;
  paging: {
    pageLimit: number;
    defaultMaxRows: number;
    maxPages: number;
    maxConcurrentPages: number;
    budgetSeconds: number;
  };
  scopeNouns: Record<'apis' | 'apps', { one: string; many: string; article: string }>;
  lookups: Record<LookupName, LookupSpec>;
  messages: Record<string, string>;
  sharedOptions: Record<string, OptionDef>;
  /** Scope fields of the saved query and the types they must have. */
  savedFields: Array<{ path: string; label: string; type: 'text' | 'textList' }>;
}
