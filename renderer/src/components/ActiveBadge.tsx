import { Badge } from '@mantine/core';

/** "Active" or "Inactive", for an account or a product in a list. */
export function ActiveBadge({ active }: { active: boolean }) {
  return (
    <Badge variant="dot" color={active ? 'teal' : 'gray'} radius="sm" tt="none" fw={500}>
      {active ? 'Active' : 'Inactive'}
    </Badge>
  );
}
