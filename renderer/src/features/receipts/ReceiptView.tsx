import { Text } from '@mantine/core';
import type { OrderDto } from '../../../../shared/schemas/orders';
import type { ReceiptDocument } from '../../../../shared/schemas/receipts';
import { formatMoneyIn } from '../../lib/money';
import { formatRateBp } from '../settings/tax-rate-percent';
import { discountBadge } from '../pos/discount';
import { METHOD_LABELS } from '../pos/tender-text';
import classes from './ReceiptView.module.css';

interface ReceiptViewProps {
  /** The core's receipt (receipts.order / receipts.refund): every figure on screen is its. */
  doc: ReceiptDocument;
  /**
   * The sale the document was built from, when the screen has it: only for words the document
   * has none for (the order number, a discount's kind, a card's reference), never for amounts.
   */
  order?: OrderDto | null;
}

/** The receipt as on paper, from the core's document: the same figures the printer and the e-mail get. */
export function ReceiptView({ doc, order = null }: ReceiptViewProps) {
  const money = (cents: number) => formatMoneyIn(cents, doc.currency);
  const isRefund = doc.kind === 'refund';
  const item = (index: number) => (isRefund ? undefined : order?.items[index]);
  const payment = (index: number) => (isRefund ? undefined : order?.payments[index]);
  const saleDiscount = isRefund ? null : (order?.discount ?? null);
  return (
    <div className={classes.receipt} data-testid="receipt-view" data-kind={doc.kind} data-receipt-no={doc.receipt_no}>
      <Text ta="center" fw={700} fz={18} ff="inherit" data-testid="receipt-shop">
        {doc.shop.name}
      </Text>
      {doc.shop.address ? (
        <Text ta="center" ff="inherit" fz="inherit" style={{ whiteSpace: 'pre-line' }}>
          {doc.shop.address}
        </Text>
      ) : null}
      {doc.shop.tax_id ? (
        <Text ta="center" ff="inherit" fz="inherit">
          Tax id {doc.shop.tax_id}
        </Text>
      ) : null}
      <Text ta="center" ff="inherit" fz="inherit" data-testid="receipt-time">
        {doc.local_time}
      </Text>
      {isRefund ? (
        <Text ta="center" fw={700} ff="inherit" fz="inherit" data-testid="receipt-refund-of">
          {doc.refund_of_receipt_no === null ? 'Refund' : `Refund of receipt ${doc.refund_of_receipt_no}`}
        </Text>
      ) : null}
      <div className={classes.row}>
        <span>
          Receipt no.{' '}
          <b data-testid="receipt-no" data-order-id={order?.id}>
            {doc.receipt_no}
          </b>
        </span>
        <span>{doc.register ?? ''}</span>
      </div>
      <div className={classes.row}>
        <span>{order && !isRefund ? `Order #${order.id}` : ''}</span>
        <span>{doc.cashier !== null ? `Cashier: ${doc.cashier}` : ''}</span>
      </div>
      <hr className={classes.rule} />
      {doc.lines.map((line, index) => {
        const discount = item(index)?.discount ?? null;
        return (
          <div key={index} data-testid="receipt-line">
            <div>
              {line.name}
              {line.tax_code !== null ? ` ${line.tax_code}` : ''}
            </div>
            <div className={classes.row}>
              <span>
                {' '}
                {line.amount} × {money(line.unit_price_cents)}
              </span>
              <span>{money(line.amount * line.unit_price_cents)}</span>
            </div>
            {line.discount_cents > 0 ? (
              <div className={classes.row} data-testid="receipt-line-discount" data-cents={line.discount_cents}>
                <span>
                  {' '}
                  Discount{discount ? ` ${discountBadge(discount)}` : ''}
                  {/* Its share of the sale's discount is in the same amount. */}
                  {saleDiscount ? (discount ? ' + sale' : ' (sale)') : ''}
                </span>
                <span>−{money(line.discount_cents)}</span>
              </div>
            ) : null}
          </div>
        );
      })}
      <hr className={classes.rule} />
      {doc.discount_cents > 0 || !doc.prices_include_tax ? (
        <div className={classes.row}>
          <span>Subtotal</span>
          <span data-testid="receipt-subtotal">{money(doc.subtotal_cents)}</span>
        </div>
      ) : null}
      {doc.discount_cents > 0 ? (
        <div className={classes.row} data-testid="receipt-discounts" data-cents={doc.discount_cents}>
          <span>Discounts{saleDiscount ? ` (sale ${discountBadge(saleDiscount)})` : ''}</span>
          <span>−{money(doc.discount_cents)}</span>
        </div>
      ) : null}
      {!doc.prices_include_tax && doc.tax_cents > 0 ? (
        <div className={classes.row}>
          <span>Tax</span>
          <span>+{money(doc.tax_cents)}</span>
        </div>
      ) : null}
      <div className={classes.total}>
        <span>{isRefund ? 'REFUND TOTAL' : 'TOTAL'}</span>
        <span data-testid="receipt-total" data-cents={doc.total_cents}>
          {money(doc.total_cents)}
        </span>
      </div>
      {doc.rounding_cents !== 0 ? (
        <>
          <div className={classes.row} data-testid="receipt-rounding">
            <span>Cash rounding</span>
            <span>{money(doc.rounding_cents)}</span>
          </div>
          <div className={classes.total}>
            <span>{isRefund ? 'PAID BACK' : 'DUE'}</span>
            <span data-testid="receipt-due">{money(doc.due_cents)}</span>
          </div>
        </>
      ) : null}
      {doc.taxes.length > 0 ? (
        <div data-testid="receipt-taxes">
          <hr className={classes.rule} />
          <div className={classes.row}>
            <span>{doc.prices_include_tax ? 'Tax included' : 'Tax'}</span>
            <span>Taxable · Tax</span>
          </div>
          {doc.taxes.map((tax) => (
            <div key={tax.code} className={classes.row} data-testid="receipt-tax" data-rate-bp={tax.rate_bp} data-cents={tax.tax_cents}>
              <span>
                {tax.code} {tax.name} {formatRateBp(tax.rate_bp)}
              </span>
              <span>
                {/* Taxable in the sale's own price terms: gross when its prices hold the tax. */}
                {money(doc.prices_include_tax ? tax.gross_cents : tax.net_cents)} · {money(tax.tax_cents)}
              </span>
            </div>
          ))}
          <hr className={classes.rule} />
        </div>
      ) : null}
      {doc.tenders.map((tender, index) => {
        const reference = payment(index)?.reference ?? null;
        const shown = tender.method === 'cash' && tender.tendered_cents > 0 ? tender.tendered_cents : tender.amount_cents;
        return (
          <div key={index} data-testid="receipt-tender" data-method={tender.method}>
            <div className={classes.row}>
              <span>
                {METHOD_LABELS[tender.method]}
                {reference ? ` ${reference}` : ''}
              </span>
              <span>{money(shown)}</span>
            </div>
          </div>
        );
      })}
      <div className={classes.row}>
        <span>Change</span>
        <span data-testid="receipt-change">{money(doc.change_cents)}</span>
      </div>
      {doc.reason !== null ? (
        <Text ff="inherit" fz="inherit" mt={4} data-testid="receipt-reason">
          Reason: {doc.reason}
        </Text>
      ) : null}
      {doc.footer !== '' ? (
        <>
          <hr className={classes.rule} />
          <Text ta="center" ff="inherit" fz="inherit" style={{ whiteSpace: 'pre-line' }}>
            {doc.footer}
          </Text>
        </>
      ) : null}
    </div>
  );
}
