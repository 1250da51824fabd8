import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { errorMessageOf } from '../lib/api-error';

export function PageLoader({ label = 'Loading…' }: { label?: string }) {
  return (
    <Center py="xl" mih={200} data-testid="page-loader">
      <Stack align="center" gap="xs">
        <Loader size="md" />
        <Text size="sm" c="dimmed">
          {label}
        </Text>
      </Stack>
    </Center>
  );
}

export function FullPageLoader() {
  return (
    <Center mih="100vh">
      <PageLoader label="Starting ShopDesk…" />
    </Center>
  );
}

export function PageError({
  error,
  onRetry,
  title = 'This could not be loaded',
}: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}) {
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertTriangle />} role="alert" data-testid="page-error">
      <Stack gap="sm">
        <Text size="sm">{errorMessageOf(error)}</Text>
        {onRetry ? (
          <Group>
            <Button size="xs" variant="white" color="red" leftSection={<IconRefresh size={14} />} onClick={onRetry}>
              Try again
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Alert>
  );
}
