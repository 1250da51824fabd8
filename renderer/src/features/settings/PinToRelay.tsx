import { ActionIcon, Code, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

/** The PIN of a message still waiting to be relayed, large enough to read out, with a copy button. */
export function PinToRelay({ pin, expired }: { pin: string; expired: boolean }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Code
        fz="md"
        fw={700}
        px={8}
        py={2}
        c={expired ? 'dimmed' : undefined}
        td={expired ? 'line-through' : undefined}
        style={{ letterSpacing: '0.12em' }}
        data-testid="outbox-pin"
      >
        {pin}
      </Code>
      <CopyButton value={pin} timeout={1500}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : 'Copy the PIN'} withArrow>
            <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} size="sm" onClick={copy} aria-label="Copy the PIN">
              {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
      {expired ? (
        <Text size="xs" c="dimmed">
          expired
        </Text>
      ) : null}
    </Group>
  );
}
