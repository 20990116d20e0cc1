import React from 'react';
import { Text } from '@grafana/ui';

/**
 * A line under a control. EditorField passes a custom label element to Field, and Field then
 * drops `description`: hints have to be rendered by us.
 */
export function FieldHint({ children }: { children?: React.ReactNode }) {
  if (!children) {
    return null;
  }
  return (
    <div>
      <Text variant="bodySmall" color="secondary">
        {children}
      </Text>
    </div>
  );
}
