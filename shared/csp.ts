/**
 * The Content-Security-Policy of the UI, in the desktop window and in headless web mode alike.
 * Mantine writes its CSS variables into a <style> element, hence 'unsafe-inline' for styles
 * only; scripts come from our own files and nowhere else.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
