import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconBuildingStore } from '@tabler/icons-react';

export const SHOP_NAME = 'ShopDesk';

export function Brand({ size = 'md' }: { size?: 'md' | 'lg' }) {
  const large = size === 'lg';
  return (
    <Group gap="xs" wrap="nowrap">
      <ThemeIcon size={large ? 40 : 32} radius="md" variant="filled" aria-hidden>
        <IconBuildingStore size={large ? 24 : 20} stroke={1.8} />
      </ThemeIcon>
      <Text fw={700} fz={large ? 22 : 18} lh={1}>
        {SHOP_NAME}
      </Text>
    </Group>
  );
}
