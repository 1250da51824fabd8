import { Group, Modal, Paper, Stack } from '@mantine/core';
import type { OrderDto } from '../../../../shared/schemas/orders';
import { PageError, PageLoader } from '../../components/PageStates';
import { useLingering } from '../../lib/use-lingering';
import { titleStyles } from '../till/dialog-styles';
import { NestedDialogsContext, useNestedDialogs, useOpenAboveOthers } from './nested-dialogs';
import { ReceiptActions } from './ReceiptActions';
import type { ReceiptTarget } from './receipt-target';
import { ReceiptView } from './ReceiptView';
import { PrinterNotice } from './PrinterNotice';
import { useReceipt, type ReceiptData } from './use-receipt';
import { useReceiptPrinter } from './use-receipt-printer';

interface ReceiptModalProps {
  /** The receipt to show; null when the dialog is shut. */
  target: ReceiptTarget | null;
  /** The sale, when it is the sale's receipt (for the order number and discounts' kinds). */
  order?: OrderDto | null;
  onClose: () => void;
}

function ReceiptPanel({ target, order }: { target: ReceiptTarget; order: OrderDto | null }) {
  const receipt = useReceipt(target);
  if (receipt.isError)
    return <PageError error={receipt.error} onRetry={() => void receipt.refetch()} title="The receipt could not be loaded" />;
  if (!receipt.data) return <PageLoader label="Loading the receipt…" />;
  return <ReceiptWithActions target={target} order={order} receipt={receipt.data} />;
}

function ReceiptWithActions({ target, order, receipt }: { target: ReceiptTarget; order: OrderDto | null; receipt: ReceiptData }) {
  const { document: doc, html } = receipt;
  const printer = useReceiptPrinter(target, doc.register_id);
  return (
    <Stack align="center" gap="md">
      <Paper withBorder shadow="xs" p="lg" radius="sm" bg="white" data-testid="receipt">
        <ReceiptView doc={doc} order={target.kind === 'order' ? order : null} />
      </Paper>
      <PrinterNotice printer={printer} />
      <Group gap="sm">
        <ReceiptActions target={target} receiptNo={doc.receipt_no} html={html} printer={printer} />
      </Group>
    </Stack>
  );
}

/** A sale's or a refund's receipt from the core, in a dialog: Print and Send by e-mail. */
export function ReceiptModal({ target, order = null, onClose }: ReceiptModalProps) {
  const shown = useLingering(target);
  useOpenAboveOthers(target !== null);
  const nested = useNestedDialogs();
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={shown?.kind === 'refund' ? 'Refund receipt' : 'Receipt'}
      size="auto"
      centered
      closeOnEscape={nested.closeOnEscape}
      styles={titleStyles}
    >
      <div data-testid="receipt-modal" data-kind={shown?.kind}>
        <NestedDialogsContext.Provider value={nested.register}>
          {shown ? <ReceiptPanel key={`${shown.kind}-${shown.id}`} target={shown} order={order} /> : null}
        </NestedDialogsContext.Provider>
      </div>
    </Modal>
  );
}
