import { Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CashReportDto } from '../../../../shared/schemas/cash';
import { formatMoney } from '../../lib/money';
import classes from './CashReport.module.css';
import { formatRate, formatWhen, methodLabel, varianceText } from './till-text';

export interface ReportContext {
  registerName: string;
  nameOf: (userId: number) => string;
  /** When the figures were read (an X report moves on with every sale). */
  readAt: Date;
}

interface ReportBodyProps extends ReportContext {
  report: CashReportDto;
  /** False on the printed copy, so each test id is on the screen once. */
  testIds: boolean;
}

/** "X report (running)" or "Z report (closed 12 Mar 2025, 18:04)". */
export function reportTitle(report: CashReportDto): string {
  const { status, closed_at } = report.session;
  return status === 'closed' && closed_at ? `Z report (closed ${formatWhen(closed_at)})` : 'X report (running)';
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase">
        {title}
      </Text>
      {children}
    </Stack>
  );
}

/** A table of label → amount lines; `total` marks the bottom line. */
function Lines({
  rows,
  testIds,
}: {
  rows: { label: string; value: string; id?: string; cents?: number; total?: boolean }[];
  testIds: boolean;
}) {
  return (
    <Table verticalSpacing={4} horizontalSpacing="xs" fz="sm">
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.label} className={row.total ? classes.total : undefined}>
            <Table.Td>{row.label}</Table.Td>
            <Table.Td className={classes.money} data-testid={testIds ? row.id : undefined} data-cents={testIds ? row.cents : undefined}>
              {row.value}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Rows of a grouped table (taxes, tenders, cashiers), or a line saying there are none. */
function Grouped({ head, rows, none, testId }: { head: string[]; rows: string[][]; none: string; testId?: string }) {
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid={testId}>
        {none}
      </Text>
    );
  }
  return (
    <Table verticalSpacing={4} horizontalSpacing="xs" fz="sm" data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          {head.map((label, i) => (
            <Table.Th key={label} className={i === 0 ? undefined : classes.money}>
              {label}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((cells) => (
          <Table.Tr key={cells[0]}>
            {cells.map((cell, i) => (
              <Table.Td key={i} className={i === 0 ? undefined : classes.money}>
                {cell}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

const tenderRows = (lines: CashReportDto['tenders']) =>
  lines.map((t) => [methodLabel(t.method), String(t.count), formatMoney(t.amount_cents)]);

/** The X or Z report of one drawer session, the same on screen and on paper. */
export function ReportBody({ report, registerName, nameOf, readAt, testIds }: ReportBodyProps) {
  const { session, sales, refunds, cash } = report;
  const id = (name: string) => (testIds ? name : undefined);
  const closed = session.status === 'closed';
  const receipts =
    report.first_receipt_no === null || report.last_receipt_no === null
      ? 'No receipt numbers'
      : report.first_receipt_no === report.last_receipt_no
        ? `#${report.first_receipt_no}`
        : `#${report.first_receipt_no} – #${report.last_receipt_no}`;

  const cashRows = [
    { label: 'Opening float', value: formatMoney(cash.opening_float_cents), id: 'report-cash-float', cents: cash.opening_float_cents },
    { label: '+ Cash sales', value: formatMoney(cash.sales_cents), id: 'report-cash-sales', cents: cash.sales_cents },
    { label: '− Cash refunds', value: formatMoney(cash.refunds_cents), id: 'report-cash-refunds', cents: cash.refunds_cents },
    { label: '+ Cash in', value: formatMoney(cash.in_cents), id: 'report-cash-in', cents: cash.in_cents },
    { label: '− Cash out', value: formatMoney(cash.out_cents), id: 'report-cash-out', cents: cash.out_cents },
    {
      label: '= Expected cash',
      value: formatMoney(cash.expected_cents),
      id: 'report-cash-expected',
      cents: cash.expected_cents,
      total: true,
    },
  ];
  if (closed && session.counted_cash_cents !== null && session.variance_cents !== null) {
    cashRows.push(
      {
        label: 'Counted cash',
        value: formatMoney(session.counted_cash_cents),
        id: 'report-cash-counted',
        cents: session.counted_cash_cents,
      },
      { label: 'Difference', value: varianceText(session.variance_cents), id: 'report-cash-variance', cents: session.variance_cents },
    );
  }

  return (
    <Stack gap="lg" className={classes.report} data-testid={id('cash-report')} data-kind={closed ? 'z' : 'x'} data-session-id={session.id}>
      <Stack gap={2}>
        <Title order={2} fz={22} data-testid={id('report-heading')}>
          {reportTitle(report)}
        </Title>
        <Text size="sm">
          {registerName} · drawer session #{session.id}
        </Text>
        <Text size="sm" c="dimmed">
          Opened {formatWhen(session.opened_at)} by {nameOf(session.opened_by)}
          {closed && session.closed_at && session.closed_by !== null
            ? ` · closed ${formatWhen(session.closed_at)} by ${nameOf(session.closed_by)}`
            : ` · figures as of ${formatWhen(readAt.toISOString())}`}
        </Text>
      </Stack>

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <Section title="Sales">
          <Lines
            testIds={testIds}
            rows={[
              { label: 'Sales', value: String(sales.count), id: 'report-sales-count' },
              { label: 'Subtotal', value: formatMoney(sales.subtotal_cents) },
              { label: 'Discounts', value: sales.discount_cents === 0 ? formatMoney(0) : formatMoney(-sales.discount_cents) },
              { label: 'Tax', value: formatMoney(sales.tax_cents) },
              { label: 'Total', value: formatMoney(sales.total_cents), id: 'report-sales-total', cents: sales.total_cents, total: true },
            ]}
          />
        </Section>
        <Section title="Refunds">
          <Lines
            testIds={testIds}
            rows={[
              { label: 'Refunds', value: String(refunds.count), id: 'report-refunds-count' },
              { label: 'Tax', value: formatMoney(refunds.tax_cents) },
              {
                label: 'Total',
                value: formatMoney(refunds.total_cents),
                id: 'report-refunds-total',
                cents: refunds.total_cents,
                total: true,
              },
            ]}
          />
        </Section>
      </SimpleGrid>

      <Section title="Taxes (net of refunds)">
        <Grouped
          head={['Rate', 'Taxable', 'Tax']}
          rows={report.taxes.map((t) => [formatRate(t.rate_bp), formatMoney(t.taxable_cents), formatMoney(t.tax_cents)])}
          none="No tax in this session."
          testId={id('report-taxes')}
        />
      </Section>

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <Section title="Tenders">
          <Grouped
            head={['Method', 'Payments', 'Amount']}
            rows={tenderRows(report.tenders)}
            none="No payments taken."
            testId={id('report-tenders')}
          />
        </Section>
        <Section title="Refund tenders">
          <Grouped
            head={['Method', 'Payments', 'Amount']}
            rows={tenderRows(report.refund_tenders)}
            none="No refunds paid out."
            testId={id('report-refund-tenders')}
          />
        </Section>
      </SimpleGrid>

      <Section title="Cash in the drawer">
        <Lines testIds={testIds} rows={cashRows} />
        {closed && session.note ? (
          <Text size="sm" c="dimmed" data-testid={id('report-note')}>
            Note: {session.note}
          </Text>
        ) : null}
      </Section>

      <Section title="Cashiers">
        <Grouped
          head={['Cashier', 'Sales', 'Total']}
          rows={report.cashiers.map((c) => [c.name, String(c.count), formatMoney(c.total_cents)])}
          none="No sales in this session."
          testId={id('report-cashiers')}
        />
      </Section>

      <Group gap="xs">
        <Text size="sm" fw={600}>
          Receipts:
        </Text>
        <Text size="sm" data-testid={id('report-receipts')}>
          {receipts}
        </Text>
      </Group>
    </Stack>
  );
}
