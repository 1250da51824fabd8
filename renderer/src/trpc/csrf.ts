/** The readable `sd_csrf` cookie of headless web mode's cookie session (docs/contract/API.md, cookie mode). */
export const CSRF_COOKIE = 'sd_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

export function readCsrfToken(): string | null {
  for (const part of document.cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === CSRF_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return null;
}

/** Headers that prove an unsafe request came from our own page. */
export function csrfHeaders(): Record<string, string> {
  const token = readCsrfToken();
  return token ? { [CSRF_HEADER]: token } : {};
}

/** Drops a CSRF cookie whose sign-in could not be renewed, so we stop trying. */
export function forgetCsrfToken(): void {
  document.cookie = `${CSRF_COOKIE}=; Max-Age=0; Path=/; SameSite=Strict`;
}
