import { Text } from '@mantine/core';

/** Where a value is not there: a dimmed dash, or words such as "Not given". */
export function Missing({ children = '—' }: { children?: string }) {
  return (
    <Text span size="sm" c="dimmed">
      {children}
    </Text>
  );
}
