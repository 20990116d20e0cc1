import type { ComponentType } from 'react';

import { QueryType } from '../../types';
import { AlertSummaryEditor } from './AlertSummaryEditor';
import { CustomReportEditor } from './CustomReportEditor';
import { ErrorDetailsEditor } from './ErrorDetailsEditor';
import { ErrorsByCategoryEditor } from './ErrorsByCategoryEditor';
import { ErrorsByStatusCodeEditor } from './ErrorsByStatusCodeEditor';
import { ListEditor } from './ListEditor';
import { OverviewKpiEditor } from './OverviewKpiEditor';
import { ResourceUsageEditor, TopApisByAlertCountEditor } from './TablePagingEditor';
import { TopSlowestApisEditor } from './TopSlowestApisEditor';
import type { TypeEditorProps } from './types';

/**
 * Each type's own options editor. Types missing here need nothing beyond the scope row
 * (e.g. API latency: its one API is chosen there). GraphQL has its own editor.
 */
export const TYPE_EDITORS: Partial<Record<QueryType, ComponentType<TypeEditorProps>>> = {
  [QueryType.OverviewKpi]: OverviewKpiEditor,
  [QueryType.ResourceUsage]: ResourceUsageEditor,
  [QueryType.ErrorsByCategory]: ErrorsByCategoryEditor,
  [QueryType.ErrorsByStatusCode]: ErrorsByStatusCodeEditor,
  [QueryType.ErrorDetails]: ErrorDetailsEditor,
  [QueryType.TopSlowestApis]: TopSlowestApisEditor,
  [QueryType.AlertSummary]: AlertSummaryEditor,
  [QueryType.TopApisByAlertCount]: TopApisByAlertCountEditor,
  [QueryType.CustomReport]: CustomReportEditor,
  [QueryType.List]: ListEditor,
};
