import React, { useState } from 'react';
import { Field, Input } from '@grafana/ui';

import { settingProblem, SETTING_LABELS, type SettingKey } from '../../settings/validateSettings';

export interface SettingFieldProps {
  setting: Exclude<SettingKey, 'consumerSecret' | 'region'>;
  value: string | undefined;
  description: React.ReactNode;
  placeholder?: string;
  required?: boolean;
  /** Spaces inside the value are legal (scope): trim only when the user leaves the field. */
  trimOnBlurOnly?: boolean;
  /** Fixed by another choice (the region): shown, selectable, not editable. */
  readOnly?: boolean;
  /** A check that needs more than this value (the region's endpoints); default: settingProblem. */
  check?: (value: string | undefined) => string | undefined;
  /** Show the problem of an empty, untouched field at once (the user just chose what requires it). */
  eager?: boolean;
  onChange: (value: string) => void;
}

/**
 * One text setting with its inline validation. Surrounding whitespace from copy-paste is
 * trimmed as the user types (or on blur where inner spaces are legal). An untouched empty
 * required field stays quiet until the user leaves it, so a new data source is not a wall of red.
 */
export function SettingField(props: SettingFieldProps) {
  const { setting, value, description, placeholder, required, trimOnBlurOnly, readOnly, check, eager, onChange } =
    props;
  const [touched, setTouched] = useState(false);
  const problem = check ? check(value) : settingProblem(setting, value);
  const show = Boolean(problem) && (touched || Boolean(value) || Boolean(eager));
  const label = SETTING_LABELS[setting];
  return (
    <Field
      label={label}
      description={description}
      invalid={show}
      error={show ? problem : undefined}
      required={required}
    >
      <Input
        id={`choreo-${setting}`}
        aria-label={label}
        value={value ?? ''}
        placeholder={placeholder}
        readOnly={readOnly}
        width={60}
        onChange={(e) => onChange(trimOnBlurOnly ? e.currentTarget.value : e.currentTarget.value.trim())}
        onBlur={(e) => {
          setTouched(true);
          const trimmed = e.currentTarget.value.trim();
          if (trimmed !== (value ?? '')) {
            onChange(trimmed);
          }
        }}
      />
    </Field>
  );
}
