import { Button, Divider, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconArrowLeft, IconKey, IconLock, IconUserShield } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { AuthLayout } from '../../components/AuthLayout';

function Option({ icon, title, children, action }: { icon: ReactNode; title: ReactNode; children: ReactNode; action?: ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Group align="flex-start" wrap="nowrap" gap="md">
        <ThemeIcon variant="light" size={36} radius="md" aria-hidden>
          {icon}
        </ThemeIcon>
        <Stack gap={4} style={{ flex: 1 }}>
          <Text fw={600}>{title}</Text>
          <Text size="sm" c="dimmed">
            {children}
          </Text>
          {action}
        </Stack>
      </Group>
    </Paper>
  );
}

/** After `account_locked` (code 3): what happened and the ways out. */
export function LockedScreen({
  username,
  onBack,
  onForgotPassword,
}: {
  username: string;
  onBack: () => void;
  onForgotPassword: () => void;
}) {
  return (
    <AuthLayout title="Account locked" testId="locked-screen" width={480}>
      <Group gap="md" wrap="nowrap" align="flex-start">
        <ThemeIcon color="red" variant="light" size={44} radius="xl" aria-hidden>
          <IconLock size={24} />
        </ThemeIcon>
        <Text size="sm">
          The account <b>{username}</b> was locked after too many failed sign-in attempts. While it is locked, nobody can sign in to it,
          even with the right password.
        </Text>
      </Group>
      <Divider label="What you can do" labelPosition="left" />
      <Stack gap="sm">
        <Option icon={<IconUserShield size={20} />} title="Ask a manager to unlock it">
          A manager or the shop owner can unlock your account. Then sign in again with your usual password.
        </Option>
        <Option
          icon={<IconKey size={20} />}
          title="Reset your password with a PIN"
          action={
            <Group mt={4}>
              <Button size="xs" variant="light" onClick={onForgotPassword} data-testid="forgot-password-link">
                Reset by PIN
              </Button>
            </Group>
          }
        >
          ShopDesk sends a six-digit PIN to the email address or phone number on your account. With it you choose a new password, and the
          account is unlocked at once.
        </Option>
      </Stack>
      <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={onBack} data-testid="locked-back" autoFocus>
        Back to sign in
      </Button>
    </AuthLayout>
  );
}
