import React, { useState } from 'react';
import { EditorField } from '@grafana/plugin-ui';
import { Input } from '@grafana/ui';

interface Props {
  label: string;
  inputId: string;
  value: number | undefined;
  placeholder?: string;
  tooltip?: string;
  /** Validation message for the saved value. */
  invalid?: string;
  onCommit: (value: number | undefined) => void;
}

export const NOT_A_NUMBER = 'Enter a number, e.g. 10.';

/**
 * A number input committed on blur / Enter. Text that is not a number stays in the box with a
 * message instead of being saved, so the user can fix it rather than see it vanish.
 */
export function NumberField({ label, inputId, value, placeholder, tooltip, invalid, onCommit }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const unparsable = draft !== null && draft.trim() !== '' && Number.isNaN(Number(draft.trim()));
  const [showUnparsable, setShowUnparsable] = useState(false);
  const commit = () => {
    if (draft === null) {
      return;
    }
    if (unparsable) {
      setShowUnparsable(true);
      return;
    }
    setDraft(null);
    setShowUnparsable(false);
    const parsed = draft.trim() === '' ? undefined : Number(draft.trim());
    if (parsed !== value) {
      onCommit(parsed);
    }
  };
  const message = showUnparsable && unparsable ? NOT_A_NUMBER : invalid;
  return (
    <EditorField label={label} tooltip={tooltip} invalid={Boolean(message)} error={message}>
      <Input
        id={inputId}
        type="text"
        inputMode="numeric"
        width={12}
        value={draft ?? (value === undefined ? '' : String(value))}
        placeholder={placeholder}
        invalid={Boolean(message)}
        onChange={(e) => setDraft(e.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
    </EditorField>
  );
}
