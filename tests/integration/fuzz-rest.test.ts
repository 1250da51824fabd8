import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabaseDigest, type DatabaseDigest } from '../helpers/fuzz/db-digest';
import { fuzzSettings, runTargets } from '../helpers/fuzz/fuzz-runner';
import type { RefResolver } from '../helpers/fuzz/json-schema';
import { operationsOf, type Operation } from '../helpers/fuzz/openapi-operations';
import { restTarget, type KnownRestIssue } from '../helpers/fuzz/rest-target';
import { ACTING_ROLES, buildWorld, type World } from '../helpers/fuzz/world';
import { startTestCore, type TestCore } from '../helpers/test-core';

/*
 * Property-based fuzzing of every REST operation of the served OpenAPI document, as every role
 * (anonymous, customer, cashier, attendant, manager, super_admin): valid, subtly invalid and
 * hostile path ids, queries, headers and bodies. Each answer must be below 500; a refusal must
 * be JSON in the docs/contract/API.md error format with the status docs/contract/API.md gives its code, leak nothing, and
 * write nothing to the database (tests/helpers/fuzz/db-digest.ts lists what a refusal may
 * change: sign-in failure counts and locks, their audit rows, sessions and revoked tokens,
 * reset-PIN tries); a GET writes nothing at all.
 *
 * The acting users never appear as the id of a mutation nor as a sign-in name, and after any
 * write that succeeded they are checked and, if need be, signed in again or re-created.
 *
 * Bounded: FUZZ_RUNS cases per operation and role (default below), and past a time budget
 * (FUZZ_BUDGET_MS) one case per remaining target. A failure prints the request, the answer and a
 * replay line (FUZZ_SEED, FUZZ_ONLY, FUZZ_PATH). A deeper run: FUZZ_RUNS=200 FUZZ_BUDGET_MS=3600000;
 * FUZZ_STATS=1 prints the statuses each target got.
 */
const RUNS_PER_OPERATION_AND_ROLE = 12;
/** Past this (from the file's start), each remaining target runs one case: the file ends in time. */
const TIME_BUDGET_MS = 70_000;
const SETTINGS = fuzzSettings(RUNS_PER_OPERATION_AND_ROLE, TIME_BUDGET_MS);
const FILE = 'tests/integration/fuzz-rest.test.ts';

/** Bugs of areas other engineers own, let through until fixed. Empty is the goal. */
const KNOWN: readonly KnownRestIssue[] = [];

// The seed is in every failure report (and here, to replay a run that passed).
console.log(`REST fuzz: FUZZ_SEED=${SETTINGS.baseSeed}`);

describe('REST fuzz: every operation as every role', () => {
  let t: TestCore;
  let world: World;
  let digest: DatabaseDigest;
  let operations: Operation[] = [];
  let resolve: RefResolver;

  beforeAll(async () => {
    t = await startTestCore({
      // Failed sign-ins are part of the fuzz; the per-address throttles must not end it early.
      loginThrottle: { failures: 1_000_000, windowSeconds: 60 },
      resetThrottle: {
        perAddress: { failures: 1_000_000, windowSeconds: 60 },
        perAccount: { failures: 1_000_000, windowSeconds: 60 },
        verifyFailures: { failures: 1_000_000, windowSeconds: 60 },
      },
    });
    world = await buildWorld(t);
    const doc = await fetch(`${t.core.url}/api/v1/openapi.json`);
    expect(doc.status).toBe(200);
    ({ operations, resolve } = operationsOf(await doc.json()));
    digest = openDatabaseDigest(`${t.dataDir}/shopdesk.db`);
  }, 60_000);
  afterAll(async () => {
    digest?.close();
    await t?.stop();
  });

  it('reads every operation from the served OpenAPI document', () => {
    expect(operations.length).toBeGreaterThanOrEqual(30);
    expect(operations.map((op) => `${op.method} ${op.path}`)).toContain('POST /api/v1/auth/login');
  });

  for (const role of ACTING_ROLES) {
    it(
      `as ${role}: no 5xx, errors in the docs/contract/API.md format, nothing written by a refusal`,
      async () => {
        const targets = operations.map((op) => restTarget(op, role, { baseUrl: t.core.url, world, digest, resolve, known: KNOWN }));
        const failures = await runTargets(targets, SETTINGS, FILE);
        expect(failures, failures.join('\n\n')).toEqual([]);
      },
      SETTINGS.budgetMs + 60_000,
    );
  }
});
