/** encodeURIComponent that does not throw on a lone surrogate (it becomes U+FFFD, as in UTF-8). */
export function encodeText(text: string): string {
  return encodeURIComponent(text.replace(/[\ud800-\udfff]/gu, '\ufffd'));
}

/** Printable ASCII: what a header value may carry (anything else is sent percent-encoded). */
export function headerSafe(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : encodeText(text);
}
