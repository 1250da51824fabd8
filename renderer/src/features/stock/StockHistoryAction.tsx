import { IconHistory } from '@tabler/icons-react';
import { useState } from 'react';
import type { ProductDto } from '../../../../shared/schemas/catalog';
import { RowAction } from '../../components/RowAction';
import { StockHistoryDrawer } from './StockHistoryDrawer';

/** The products row's "Stock history" button with its drawer (managers' rows only). */
export function StockHistoryAction({ product }: { product: ProductDto }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <RowAction
        tooltip="Stock history"
        label={`Stock history of ${product.name}`}
        icon={<IconHistory size={18} />}
        onClick={() => setOpen(true)}
        testId={`product-stock-history-${product.sku}`}
      />
      <StockHistoryDrawer product={open ? product : null} onClose={() => setOpen(false)} />
    </>
  );
}
