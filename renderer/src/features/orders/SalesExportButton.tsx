import { Button, Tooltip } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { salesExportRange } from '../../../../shared/schemas/orders';
import { downloadText } from '../../lib/download';
import { todayShopDate } from '../../lib/dates';
import { notifyFailure } from '../../lib/notify';
import { useTRPCClient } from '../../trpc/client';

/**
 * The accountant's file: every completed sale's lines in the page's date range (this month so
 * far when none is chosen), with the tax per line, as the core writes it (GET /orders/export.csv).
 */
export function SalesExportButton({ from, to }: { from: string; to: string }) {
  const client = useTRPCClient();
  const range = salesExportRange({ from, to }, todayShopDate());
  const exportCsv = useMutation({
    mutationFn: () => client.orders.exportCsv.query(range),
    onSuccess: ({ csv }) => downloadText(csv, `sales-lines-${range.from}-to-${range.to}.csv`),
    onError: (error) => notifyFailure(error, 'Could not export the sales lines'),
  });
  return (
    <Tooltip label={`Completed sales from ${range.from} to ${range.to}, one row per line with its tax`}>
      <Button
        variant="default"
        leftSection={<IconFileSpreadsheet size={18} />}
        onClick={() => exportCsv.mutate()}
        loading={exportCsv.isPending}
        disabled={range.from > range.to}
        data-testid="orders-export-sales"
      >
        Export sales lines (CSV)
      </Button>
    </Tooltip>
  );
}
