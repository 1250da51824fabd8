/**
 * The quick switch's latency as the next cashier feels it: one PIN sign-in at a time (a till
 * has one person at the pad), beside the password sign-in it replaces. A PIN is hashed like a
 * password, in the worker pool, so the figures should be alike and the event loop stays free.
 */
const SIGN_INS = Number(process.env.BENCH_PIN_SIGN_INS ?? 40);
const BENCH_PIN = '2580';

export interface SignInLatency {
  sign_ins: number;
  pin_p50_ms: number;
  pin_p99_ms: number;
  password_p50_ms: number;
  password_p99_ms: number;
  target_pin_p50_ms: number;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

async function timedSignIn(url: string, body: unknown): Promise<number> {
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  await res.arrayBuffer();
  const elapsed = performance.now() - started;
  if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
  return elapsed;
}

/** Sets the owner's PIN, then alternates PIN and password sign-ins so both see the same machine. */
export async function measureSignInLatency(api: string, user: { username: string; password: string }, access: string) {
  const set = await fetch(`${api}/me/pin`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${access}` },
    body: JSON.stringify({ password: user.password, pin: BENCH_PIN }),
  });
  if (set.status !== 204) throw new Error(`PUT /me/pin: ${set.status} ${await set.text()}`);
  const pin: number[] = [];
  const password: number[] = [];
  for (let i = 0; i < SIGN_INS; i++) {
    pin.push(await timedSignIn(`${api}/auth/pin-login`, { username: user.username, pin: BENCH_PIN }));
    password.push(await timedSignIn(`${api}/auth/login`, { username: user.username, password: user.password }));
  }
  return {
    sign_ins: SIGN_INS,
    pin_p50_ms: percentile(pin, 50),
    pin_p99_ms: percentile(pin, 99),
    password_p50_ms: percentile(password, 50),
    password_p99_ms: percentile(password, 99),
    target_pin_p50_ms: 150,
  } satisfies SignInLatency;
}
