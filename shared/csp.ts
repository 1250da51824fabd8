/**
 * The Content-Security-Policy of the UI, in the desktop window and in headless web mode alike.
 * Mantine writes its CSS variables into a <style> element, hence 'unsafe-inline' for styles
 * only; scripts come from our own files and nowhere else.
 */
const DOCUMENT_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/**
 * The policy as an HTTP header (web mode's HTML, the desktop session's responses). Only a header
 * can say `frame-ancestors`: browsers ignore it in a <meta> tag, and log an error for it there.
 */
export const CONTENT_SECURITY_POLICY = [...DOCUMENT_DIRECTIVES, "frame-ancestors 'none'"].join('; ');

/** The same policy without `frame-ancestors`: the <meta> tag of renderer/index.html, word for word. */
export const META_CONTENT_SECURITY_POLICY = DOCUMENT_DIRECTIVES.join('; ');
