import React, { useState } from 'react';
import { EditorField } from '@grafana/plugin-ui';
import { Input } from '@grafana/ui';

interface Props {
  label: string;
  inputId: string;
  value: string | undefined;
  placeholder?: string;
  tooltip?: string;
  width?: number;
  invalid?: string;
  /** Called on blur (and Enter) only, so typing does not run a query per key stroke. */
  onCommit: (value: string | undefined) => void;
}

/** A text input that commits its trimmed value when the user is done with it. */
export function TextField({ label, inputId, value, placeholder, tooltip, width = 28, invalid, onCommit }: Props) {
  // What the user is typing; null when not editing, so outside changes (type switch) show.
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) {
      return;
    }
    setDraft(null);
    const trimmed = draft.trim();
    if (trimmed !== (value ?? '')) {
      onCommit(trimmed || undefined);
    }
  };
  return (
    <EditorField label={label} tooltip={tooltip} invalid={Boolean(invalid)} error={invalid}>
      <Input
        id={inputId}
        width={width}
        value={draft ?? value ?? ''}
        placeholder={placeholder}
        invalid={Boolean(invalid)}
        onChange={(e) => setDraft(e.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
    </EditorField>
  );
}
