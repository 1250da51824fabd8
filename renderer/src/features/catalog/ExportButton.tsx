import { Button } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { todayShopDate } from '../../lib/dates';
import { downloadText } from '../../lib/download';
import { notifyFailure, notifySuccess } from '../../lib/notify';
import { useTRPCClient } from '../../trpc/client';
import { catalogToCsv } from './catalog-csv';

const count = new Intl.NumberFormat();

/** Export: every product (`catalog.exportAll`) as a CSV the import reads back. */
export function ExportButton() {
  const client = useTRPCClient();
  const exportAll = useMutation({
    mutationFn: () => client.catalog.exportAll.query(),
    onSuccess: (products) => {
      downloadText(catalogToCsv(products), `products-${todayShopDate()}.csv`);
      notifySuccess(`${count.format(products.length)} products written to the CSV file.`, 'Export ready');
    },
    onError: (err) => notifyFailure(err, 'Could not export the products'),
  });
  return (
    <Button
      variant="default"
      leftSection={<IconDownload size={18} />}
      onClick={() => exportAll.mutate()}
      loading={exportAll.isPending}
      data-testid="export-csv"
    >
      Export CSV
    </Button>
  );
}
