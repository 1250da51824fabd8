import { Badge, Group } from '@mantine/core';

/** A setting's label, with the environment variable that sets it when one does (the field is then read-only). */
export function EnvLabel({ label, envName, testId }: { label: string; envName: string | null; testId: string }) {
  if (envName === null) return label;
  return (
    <Group gap={8} component="span">
      {label}
      <Badge size="sm" variant="light" color="gray" tt="none" fw={500} ff="monospace" data-testid={testId}>
        set by {envName}
      </Badge>
    </Group>
  );
}
