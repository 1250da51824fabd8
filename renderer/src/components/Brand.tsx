import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconBuildingStore } from '@tabler/icons-react';
import { useShopSettings } from '../lib/shop-settings';

/** The app's own name, for the screens before sign-in (and wherever the product is meant). */
export const SHOP_NAME = 'ShopDesk';

/** The shop's name once its settings are read (the signed-in app); the app's name before. */
export function Brand({ size = 'md' }: { size?: 'md' | 'lg' }) {
  const shop = useShopSettings();
  const large = size === 'lg';
  return (
    <Group gap="xs" wrap="nowrap">
      <ThemeIcon size={large ? 40 : 32} radius="md" variant="filled" aria-hidden>
        <IconBuildingStore size={large ? 24 : 20} stroke={1.8} />
      </ThemeIcon>
      <Text fw={700} fz={large ? 22 : 18} lh={1} truncate maw={large ? undefined : 280} data-testid="brand-name">
        {shop?.name ?? SHOP_NAME}
      </Text>
    </Group>
  );
}
