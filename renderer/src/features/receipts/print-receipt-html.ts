/**
 * Prints a standalone HTML page (the core's receipt) through a hidden frame, so paper gets the
 * core's own layout and nothing of the app around it. One frame is reused: a second Print
 * replaces the page of the first.
 */
export function printReceiptHtml(html: string, frameClass: string): void {
  const old = document.querySelector<HTMLIFrameElement>('iframe[data-testid="receipt-print-frame"]');
  old?.remove();
  const frame = document.createElement('iframe');
  frame.className = frameClass;
  frame.title = 'Receipt to print';
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.dataset.testid = 'receipt-print-frame';
  frame.addEventListener(
    'load',
    () => {
      frame.dataset.loaded = 'true';
      // The frame must not keep the keyboard: Enter (New sale) and Esc belong to the app.
      const focused = document.activeElement;
      frame.contentWindow?.print();
      if (focused instanceof HTMLElement) focused.focus();
    },
    { once: true },
  );
  // srcdoc keeps the page same-origin and offline: it fetches nothing, its CSP says so too.
  frame.srcdoc = html;
  document.body.append(frame);
}
