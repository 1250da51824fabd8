import { Stack } from '@mantine/core';
import { IconBuildingStore } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { can } from '../../../../shared/permissions';
import type { UserDto } from '../../../../shared/schemas/users';
import { PageHeader } from '../../components/PageHeader';
import { useTRPC } from '../../trpc/client';
import { BackupsCard } from '../backups/BackupsCard';
import { PrintersCard } from './PrintersCard';
import { RegistersCard } from './RegistersCard';
import { SettingsCard } from './SettingsCard';
import { ShopSettingsForm } from './ShopSettingsForm';
import { TaxRatesCard } from './TaxRatesCard';

/**
 * Shop: the shop's own settings (the Super Admin changes them; a manager reads them) and its
 * registers (managers and up). The page is listed for whoever may manage registers.
 */
export default function ShopSettingsPage({ user }: { user: UserDto }) {
  const trpc = useTRPC();
  const shop = useQuery(trpc.shop.get.queryOptions());
  const editable = can(user.role, 'shop.update');
  return (
    <div data-testid="shop-settings-page">
      <PageHeader
        title="Shop"
        description="Who the shop is on its receipts, the currency and time zone every screen, receipt and report uses, its registers and receipt printers."
      />
      <Stack maw={880} gap="lg">
        <SettingsCard
          testId="shop-settings-card"
          icon={<IconBuildingStore size={20} aria-hidden />}
          title="Shop settings"
          description={editable ? undefined : 'Read-only: only the owner (Super Admin) changes them.'}
          query={shop}
          loadingLabel="Loading the shop’s settings…"
        >
          {(view) => <ShopSettingsForm view={view} editable={editable} />}
        </SettingsCard>
        {can(user.role, 'registers.manage') ? <RegistersCard /> : null}
        {can(user.role, 'printers.manage') ? <PrintersCard /> : null}
        {can(user.role, 'tax_rates.manage') ? <TaxRatesCard /> : null}
        {can(user.role, 'backups.read') ? <BackupsCard /> : null}
      </Stack>
    </div>
  );
}
