import { PageHeader } from '../../components/PageHeader';
import { ReceiptsList } from './ReceiptsList';
import { ReceiveGoodsCard } from './ReceiveGoodsCard';

/** Goods receiving (managers): a delivery goes into stock as one receipt, all or nothing. */
export default function ReceivingPage() {
  return (
    <div data-testid="receiving-page">
      <PageHeader
        title="Goods receiving"
        description="Scan a delivery, check the amounts, and receive it: every product’s stock rises at once."
      />
      <ReceiveGoodsCard />
      <ReceiptsList />
    </div>
  );
}
