import { Button } from '@mantine/core';
import { IconMail, IconPrinter } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { EmailReceiptDialog } from './EmailReceiptDialog';
import { printReceiptHtml } from './print-receipt-html';
import type { ReceiptTarget } from './receipt-target';
import classes from './ReceiptView.module.css';
import type { ReceiptPrinter } from './use-receipt-printer';

interface ReceiptActionsProps {
  target: ReceiptTarget;
  receiptNo: number | null;
  /** The core's HTML of the receipt; null while it loads. */
  html: string | null;
  /** Where the focus goes back once the e-mail dialog is shut (the till's New sale). */
  returnFocus?: () => void;
  /** The register's receipt printer: Print goes there when it has one, else to the browser's dialog. */
  printer?: ReceiptPrinter;
}

/**
 * Print (the core's HTML, in a hidden frame: Ctrl+P too) and Send by e-mail. Rendered as
 * buttons for the caller's group, so the till can keep its own first button.
 */
export function ReceiptActions({ target, receiptNo, html, returnFocus, printer }: ReceiptActionsProps) {
  const onPrinter = printer?.hasPrinter === true;
  const [emailing, setEmailing] = useState(false);
  const latestHtml = useRef(html);
  latestHtml.current = html;

  useEffect(() => {
    // Ctrl+P would print the app's page around the receipt: paper gets the core's receipt instead.
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'p' || event.altKey) return;
      event.preventDefault();
      if (latestHtml.current) printReceiptHtml(latestHtml.current, classes.printFrame ?? '');
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const closeEmail = () => {
    setEmailing(false);
    if (returnFocus) requestAnimationFrame(returnFocus);
  };

  return (
    <>
      <Button
        variant="default"
        size="md"
        leftSection={<IconPrinter size={18} />}
        disabled={!onPrinter && html === null}
        loading={printer?.printing}
        onClick={() => {
          if (onPrinter) printer.print();
          else if (html) printReceiptHtml(html, classes.printFrame ?? '');
        }}
        data-testid="receipt-print"
        data-target={onPrinter ? 'receipt-printer' : 'browser'}
      >
        {onPrinter && printer.latest ? 'Print again' : 'Print'}
      </Button>
      <Button
        variant="default"
        size="md"
        leftSection={<IconMail size={18} />}
        onClick={() => setEmailing(true)}
        data-testid="receipt-email"
      >
        Send by e-mail
      </Button>
      <EmailReceiptDialog target={emailing ? target : null} receiptNo={receiptNo} onClose={closeEmail} />
    </>
  );
}
