// The verified-token cache (issue 16) skips only the signature check of an access token seen
// before: expiry still applies on every request, other bytes are verified afresh, a token of
// one kind never passes as another, and the cache stays bounded.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTokenSigner, TOKEN_TTL_SECONDS } from '../../electron/core/auth/tokens';
import { createVerifiedTokenCache } from '../../electron/core/auth/verified-token-cache';

const secret = new TextEncoder().encode('a-test-secret-of-thirty-two-bytes!!');
const subject = { userId: 7, sessionId: 'family-1' };

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { error?: string }).error ?? String(error);
  }
  return 'accepted';
}

describe('verified access tokens', () => {
  afterEach(() => vi.useRealTimers());

  it('refuses a token verified before once it has expired', async () => {
    const signer = createTokenSigner(secret);
    const issued = await signer.sign('access', subject, Date.now() - TOKEN_TTL_SECONDS.access * 1000 + 2_000);
    expect((await signer.verify('access', issued.token)).userId).toBe(7);
    expect((await signer.verify('access', issued.token)).jti).toBe(issued.jti);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 3_000);
    expect(await refusal(signer.verify('access', issued.token))).toBe('token_expired');
  });

  it('verifies other bytes afresh: a changed signature is refused after the real token passed', async () => {
    const signer = createTokenSigner(secret);
    const { token } = await signer.sign('access', subject);
    await signer.verify('access', token);
    const last = token.at(-2) === 'A' ? 'B' : 'A';
    const forged = `${token.slice(0, -2)}${last}${token.at(-1)}`;
    expect(await refusal(signer.verify('access', forged))).toBe('token_invalid');
    const otherKey = createTokenSigner(new TextEncoder().encode('another-secret-of-thirty-two-bytes'));
    expect(await refusal(otherKey.verify('access', token))).toBe('token_invalid');
  });

  it('never lets a remembered access token pass as a refresh token', async () => {
    const signer = createTokenSigner(secret);
    const { token } = await signer.sign('access', subject);
    await signer.verify('access', token);
    expect(await refusal(signer.verify('refresh', token))).toBe('token_invalid');
  });

  it('keeps at most its capacity, dropping the oldest', () => {
    const cache = createVerifiedTokenCache(3);
    const claims = (jti: string) => ({ userId: 1, jti, sessionId: 's', expiresAt: Date.now() + 60_000 });
    for (const jti of ['a', 'b', 'c', 'd']) cache.remember(`token-${jti}`, claims(jti));
    expect(cache.size).toBe(3);
    expect(cache.get('token-a', Date.now())).toBeUndefined();
    expect(cache.get('token-d', Date.now())).toMatchObject({ jti: 'd' });
  });
});
