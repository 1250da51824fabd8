/**
 * Access tokens whose signature and claims were already verified, keyed by the whole token
 * string: the same bytes carry the same valid signature, so a till presenting its token again
 * skips the HMAC (which jose runs through WebCrypto, a thread hop per request). Only the
 * signature is remembered: expiry is checked again on every hit, and revocation, the session
 * and the account are re-read by the authenticator on every request as before. Bounded: the
 * oldest entry goes when it is full.
 */
export function createVerifiedTokenCache<Claims extends { expiresAt: number }>(capacity = 1000) {
  const entries = new Map<string, Claims>();
  return {
    /** The verified claims of `token`, if it was verified before and has not expired (`now` in ms). */
    get(token: string, now: number): Claims | 'expired' | undefined {
      const claims = entries.get(token);
      if (!claims) return undefined;
      // jose's rule: expired once the whole second reaches `exp`.
      if (Math.floor(now / 1000) >= Math.floor(claims.expiresAt / 1000)) {
        entries.delete(token);
        return 'expired';
      }
      return claims;
    },
    remember(token: string, claims: Claims): void {
      if (entries.size >= capacity && !entries.has(token)) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      entries.set(token, claims);
    },
    get size(): number {
      return entries.size;
    },
  };
}
