import React, { useState } from 'react';
import type { TestDataSourceResponse } from '@grafana/data';
import { Alert, Button, Stack } from '@grafana/ui';

import { plugin } from '../../src/module';
import { afterSave, saveRequest, type Settings } from './datasourceSettings';
import { saveDatasource, type SandboxInfo } from './sandboxApi';
import { SandboxIds, SandboxLabels } from './testIds';
import type { SandboxDataSource } from './createDataSource';

interface Props {
  settings: Settings;
  info?: SandboxInfo;
  onChange: (settings: Settings) => void;
  /** Called with the saved settings; returns the data source instance built from them. */
  onSaved: (settings: Settings) => SandboxDataSource;
}

type TestState = { status: 'idle' } | { status: 'testing' } | { status: 'done'; result: TestDataSourceResponse };

/**
 * Grafana's data source settings page, reduced to what a plugin can see: its ConfigEditor with
 * the settings, then "Save & test", which saves (secrets leave the browser), builds a new
 * instance from the saved settings and shows testDatasource()'s message in an Alert.
 */
export function ConfigPage({ settings, info, onChange, onSaved }: Props) {
  const [test, setTest] = useState<TestState>({ status: 'idle' });
  const ConfigEditor = plugin.components.ConfigEditor;

  const saveAndTest = async () => {
    setTest({ status: 'testing' });
    try {
      await saveDatasource(saveRequest(settings));
      const saved = afterSave(settings);
      onChange(saved);
      const result = await onSaved(saved).testDatasource();
      setTest({ status: 'done', result });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      setTest({ status: 'done', result: { status: 'error', message } });
    }
  };

  const fillDemo = () => {
    if (!info) {
      return;
    }
    onChange({
      ...settings,
      jsonData: {
        ...settings.jsonData,
        consumerKey: info.demo.consumerKey,
        orgHandle: info.demo.orgHandle,
        orgUuid: info.demo.orgUuid,
        // The emulator's endpoints: neither Choreo US nor EU.
        region: 'custom',
        tokenUrl: info.emulator.tokenUrl,
        apiUrl: info.emulator.apiUrl,
      },
      secureJsonData: { ...settings.secureJsonData, consumerSecret: info.demo.consumerSecret },
    });
  };

  return (
    <div>
      {ConfigEditor && <ConfigEditor options={settings} onOptionsChange={onChange} />}
      {test.status === 'testing' && (
        <Alert severity="info" title="Testing... this could take up to a couple of minutes" />
      )}
      {test.status === 'done' && (
        <div data-testid={SandboxIds.testResult} aria-live="polite">
          <Alert severity={alertSeverity(test.result.status)} title={test.result.message}>
            {detailsText(test.result)}
          </Alert>
        </div>
      )}
      <Stack gap={1}>
        <Button data-testid={SandboxIds.saveAndTest} onClick={saveAndTest} disabled={test.status === 'testing'}>
          {SandboxLabels.saveAndTest}
        </Button>
        <Button data-testid={SandboxIds.fillDemo} variant="secondary" onClick={fillDemo} disabled={!info}>
          {SandboxLabels.fillDemo}
        </Button>
      </Stack>
    </div>
  );
}

/** Grafana's settings page shows "success", "warning" and "error" (anything else as an error). */
function alertSeverity(status: string): 'success' | 'warning' | 'error' {
  return status === 'success' || status === 'warning' ? status : 'error';
}

function detailsText(result: TestDataSourceResponse): string | undefined {
  const details: unknown = result.details;
  if (details && typeof details === 'object' && 'message' in details && typeof details.message === 'string') {
    return details.message;
  }
  return undefined;
}
