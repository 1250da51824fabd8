/** Hands a text to the browser as a file download (a Blob link; nothing leaves the machine). */
export function downloadText(text: string, filename: string, type = 'text/csv;charset=utf-8'): void {
  // The byte-order mark makes spreadsheets read the file as UTF-8.
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by the next tick; the URL is not needed after that.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
