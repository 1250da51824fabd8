import { Group, Progress, Stack, Text } from '@mantine/core';
import type { ImportProgress } from './use-catalog-import';

const count = new Intl.NumberFormat();

/** While the chunks go out: how far along, and what was saved or rejected so far. */
export function ImportRunning({ progress }: { progress: ImportProgress }) {
  const percent = progress.total === 0 ? 100 : (progress.sent / progress.total) * 100;
  return (
    <Stack gap="xs" py="md">
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          Importing… {count.format(progress.sent)} of {count.format(progress.total)} rows
        </Text>
        <Text size="sm" c="dimmed">
          {Math.floor(percent)}%
        </Text>
      </Group>
      <Progress
        value={percent}
        size="lg"
        striped
        animated
        aria-label="Import progress"
        data-testid="import-progress"
        data-sent={progress.sent}
        data-total={progress.total}
      />
      <Text size="xs" c="dimmed">
        {progress.counts.created + progress.counts.updated} saved, {progress.counts.rejected} rejected so far. Keep this window open.
      </Text>
    </Stack>
  );
}
