import { Button, Group } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface SettingsFormFooterProps {
  /** On the left: what saving does, or that something is unsaved. */
  note?: ReactNode;
  /** False when the environment sets everything here, so there is nothing to save. */
  editable?: boolean;
  dirty: boolean;
  saving: boolean;
  onUndo: () => void;
  saveTestId: string;
  undoTestId?: string;
  /** A line above, for a form of several sections. */
  divided?: boolean;
}

/** The foot of a settings form: "Undo changes" once something changed, and "Save". */
export function SettingsFormFooter({
  note,
  editable = true,
  dirty,
  saving,
  onUndo,
  saveTestId,
  undoTestId,
  divided = false,
}: SettingsFormFooterProps) {
  return (
    <Group
      justify={note ? 'space-between' : 'flex-end'}
      gap="sm"
      pt={divided ? 'lg' : undefined}
      style={divided ? { borderTop: '1px solid var(--mantine-color-default-border)' } : undefined}
    >
      {note}
      {editable ? (
        <Group gap="sm">
          {dirty ? (
            <Button variant="default" disabled={saving} onClick={onUndo} data-testid={undoTestId}>
              Undo changes
            </Button>
          ) : null}
          <Button type="submit" leftSection={<IconDeviceFloppy size={18} />} disabled={!dirty} loading={saving} data-testid={saveTestId}>
            Save
          </Button>
        </Group>
      ) : null}
    </Group>
  );
}
