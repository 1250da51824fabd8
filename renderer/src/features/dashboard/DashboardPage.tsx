import '@mantine/charts/styles.css';
import { AreaChart, BarChart } from '@mantine/charts';
import { Card, EmptyState, Grid, Group, Progress, SimpleGrid, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCalendarStats, IconCash, IconChartBar, IconReceipt, IconReceipt2 } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import type { ReactNode } from 'react';
import type { AppRouter } from '../../../../electron/trpc/root';
import { PageHeader } from '../../components/PageHeader';
import { PageError, PageLoader } from '../../components/PageStates';
import { parseShopDate } from '../../lib/dates';
import { fullName } from '../../lib/names';
import { useTRPC } from '../../trpc/client';
import { ReorderCard } from '../stock/ReorderCard';
import { CURRENCY_DECIMALS, formatMoney } from '../../lib/money';
import { SHOP_CURRENCY } from '../../lib/shop-config';

type Stats = inferRouterOutputs<AppRouter>['orders']['stats'];

const UNIT = 10 ** CURRENCY_DECIMALS;
/** Axis ticks: "€1.2K" rather than "€1,234.00". */
const compactMoney = new Intl.NumberFormat(undefined, {
  style: 'currency',
  currency: SHOP_CURRENCY,
  notation: 'compact',
  maximumFractionDigits: 1,
});
const dayLabel = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const count = new Intl.NumberFormat();
/** Chart values are in currency units; tooltips show them as money. */
const moneyOfUnits = (units: number) => formatMoney(Math.round(units * UNIT));

function StatCard({ label, value, hint, icon, testId }: { label: string; value: string; hint: string; icon: ReactNode; testId: string }) {
  return (
    <Card padding="lg">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Text size="sm" c="dimmed" fw={500}>
            {label}
          </Text>
          <Text fz={28} fw={750} lh={1.1} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid={testId}>
            {value}
          </Text>
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        </Stack>
        <ThemeIcon size={44} radius="md" variant="light" aria-hidden>
          {icon}
        </ThemeIcon>
      </Group>
    </Card>
  );
}

function ChartCard({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <Card h="100%">
      <Stack gap={2} mb="md">
        <Title order={2} fz={17}>
          {title}
        </Title>
        <Text size="xs" c="dimmed">
          {description}
        </Text>
      </Stack>
      {children}
    </Card>
  );
}

function NoSales({ title, description }: { title: string; description: string }) {
  return (
    <EmptyState
      icon={<IconChartBar size={26} />}
      withIndicatorBackground
      title={title}
      description={description}
      py={56}
      data-testid="dashboard-empty"
    />
  );
}

/** Today's hours from the first to the last with sales, and at least the usual opening hours. */
function openingHours(byHour: Stats['today']['by_hour']) {
  const sold = byHour.filter((h) => h.orders > 0).map((h) => h.hour);
  const first = Math.min(8, ...sold);
  const last = Math.max(20, ...sold);
  return byHour.filter((h) => h.hour >= first && h.hour <= last);
}

function Charts({ stats }: { stats: Stats }) {
  const { today, last_30_days: days, by_cashier: cashiers } = stats;
  const monthTotal = days.reduce((sum, d) => sum + d.total_cents, 0);
  const monthOrders = days.reduce((sum, d) => sum + d.orders, 0);
  const cashierTotal = cashiers.reduce((sum, c) => sum + c.total_cents, 0);
  const yAxisProps = { tickFormatter: (v: number) => compactMoney.format(v), width: 64 };

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, sm: 2, xl: 4 }} spacing="lg">
        <StatCard
          label="Sales today"
          value={formatMoney(today.total_cents)}
          hint="Completed sales since midnight"
          icon={<IconCash size={24} />}
          testId="stat-today-total"
        />
        <StatCard
          label="Orders today"
          value={count.format(today.orders)}
          hint="Completed sales since midnight"
          icon={<IconReceipt size={24} />}
          testId="stat-today-orders"
        />
        <StatCard
          label="Average sale today"
          value={today.orders > 0 ? formatMoney(Math.round(today.total_cents / today.orders)) : '—'}
          hint="Total divided by orders"
          icon={<IconReceipt2 size={24} />}
          testId="stat-today-average"
        />
        <StatCard
          label="Last 30 days"
          value={formatMoney(monthTotal)}
          hint={`${count.format(monthOrders)} completed sales`}
          icon={<IconCalendarStats size={24} />}
          testId="stat-month-total"
        />
      </SimpleGrid>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <ChartCard title="Today by hour" description="Completed sales per hour, shop time.">
            {today.orders === 0 ? (
              <NoSales title="No sales yet today" description="Sales appear here as soon as they are completed." />
            ) : (
              <BarChart
                h={280}
                data={openingHours(today.by_hour).map((h) => ({
                  hour: `${String(h.hour).padStart(2, '0')}:00`,
                  Sales: h.total_cents / UNIT,
                  Orders: h.orders,
                }))}
                dataKey="hour"
                series={[{ name: 'Sales', color: 'teal.6' }]}
                valueFormatter={moneyOfUnits}
                yAxisProps={yAxisProps}
                tickLine="y"
                maxBarWidth={36}
                data-testid="chart-today"
              />
            )}
          </ChartCard>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <ChartCard title="By cashier" description="Completed sales of the last 30 days.">
            {cashiers.length === 0 ? (
              <NoSales title="No sales in 30 days" description="Each cashier’s sales appear here." />
            ) : (
              <Table verticalSpacing="sm" data-testid="dashboard-cashiers">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Cashier</Table.Th>
                    <Table.Th ta="right" w={70}>
                      Sales
                    </Table.Th>
                    <Table.Th ta="right" w={120}>
                      Total
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {cashiers.map((c) => (
                    <Table.Tr key={c.user_id}>
                      <Table.Td>
                        <Stack gap={4}>
                          <Text size="sm" fw={500} truncate maw={220}>
                            {fullName(c) || c.username}
                          </Text>
                          <Progress
                            value={cashierTotal === 0 ? 0 : (c.total_cents / cashierTotal) * 100}
                            size="sm"
                            aria-label={`${fullName(c)}: share of sales`}
                          />
                        </Stack>
                      </Table.Td>
                      <Table.Td ta="right">{count.format(c.orders)}</Table.Td>
                      <Table.Td ta="right" fw={600} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                        {formatMoney(c.total_cents)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </ChartCard>
        </Grid.Col>
      </Grid>
      <ChartCard title="Last 30 days" description="Completed sales per day.">
        {monthOrders === 0 ? (
          <NoSales title="No sales in the last 30 days" description="The daily totals appear here." />
        ) : (
          <AreaChart
            h={280}
            data={days.map((d) => ({ day: dayLabel.format(parseShopDate(d.date)), Sales: d.total_cents / UNIT, Orders: d.orders }))}
            dataKey="day"
            series={[{ name: 'Sales', color: 'teal.6' }]}
            valueFormatter={moneyOfUnits}
            yAxisProps={yAxisProps}
            curveType="monotone"
            withGradient
            tickLine="y"
            data-testid="chart-30-days"
          />
        )}
      </ChartCard>
    </Stack>
  );
}

/** Managers' dashboard (`orders.stats`): today's sales, the last 30 days, sales by cashier. */
export default function DashboardPage() {
  const trpc = useTRPC();
  const stats = useQuery({ ...trpc.orders.stats.queryOptions(), refetchInterval: 60_000, staleTime: 15_000 });
  return (
    <div data-testid="dashboard-page">
      <PageHeader title="Dashboard" description="Completed sales of the shop, refreshed every minute." />
      {stats.isPending ? (
        <PageLoader label="Loading the figures…" />
      ) : stats.isError ? (
        <PageError error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <Charts stats={stats.data} />
      )}
      <ReorderCard />
    </div>
  );
}
