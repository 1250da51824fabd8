import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabaseDigest, type DatabaseDigest } from '../helpers/fuzz/db-digest';
import { fuzzSettings, runTargets } from '../helpers/fuzz/fuzz-runner';
import { unknownProcedureCases } from '../helpers/fuzz/trpc-case';
import { listProcedures } from '../helpers/fuzz/trpc-procedures';
import { trpcTarget, type KnownTrpcIssue } from '../helpers/fuzz/trpc-target';
import { ACTING_ROLES, buildWorld, type World } from '../helpers/fuzz/world';
import { startTestCore, type TestCore } from '../helpers/test-core';

/*
 * Property-based fuzzing of every tRPC procedure of the router (electron/trpc/root.ts), over
 * HTTP as the headless web UI calls it (cookie session, CSRF header), as every role: inputs
 * generated from each procedure's own zod schema (valid, subtly invalid, hostile), the wrong
 * method now and then, batches, malformed JSON. Each answer must be below 500; every error must
 * carry an docs/contract/API.md error body in `error.data.apiError` (never `internal_error` for a 4xx), with
 * no stack; a refused call writes nothing to the database (the exclusions are listed in
 * tests/helpers/fuzz/db-digest.ts) and a query writes nothing at all.
 *
 * The acting users are kept out of mutations' ids and re-created when a successful call ended
 * them (see tests/helpers/fuzz/acting-users.ts). FUZZ_RUNS, FUZZ_BUDGET_MS, FUZZ_SEED, FUZZ_ONLY,
 * FUZZ_PATH and FUZZ_STATS work as in fuzz-rest.test.ts; a failure prints the call, the answer
 * and its replay line. A refusal before tRPC runs (Node's HTTP parser, Fastify's content-type
 * check) carries the REST error body instead of a tRPC envelope; it is checked as such.
 */
const RUNS_PER_PROCEDURE_AND_ROLE = 10;
/** Past this (from the file's start), each remaining target runs one case: the file ends in time. */
const TIME_BUDGET_MS = 70_000;
const SETTINGS = fuzzSettings(RUNS_PER_PROCEDURE_AND_ROLE, TIME_BUDGET_MS);
const FILE = 'tests/integration/fuzz-trpc.test.ts';

/** Bugs of areas other engineers own, let through until fixed. Empty is the goal. */
const KNOWN: readonly KnownTrpcIssue[] = [];

// The seed is in every failure report (and here, to replay a run that passed).
console.log(`tRPC fuzz: FUZZ_SEED=${SETTINGS.baseSeed}`);

describe('tRPC fuzz: every procedure as every role', () => {
  let t: TestCore;
  let world: World;
  let digest: DatabaseDigest;
  const procedures = listProcedures();

  beforeAll(async () => {
    t = await startTestCore({
      webUi: {},
      loginThrottle: { failures: 1_000_000, windowSeconds: 60 },
      resetThrottle: {
        perAddress: { failures: 1_000_000, windowSeconds: 60 },
        perAccount: { failures: 1_000_000, windowSeconds: 60 },
        verifyFailures: { failures: 1_000_000, windowSeconds: 60 },
      },
    });
    world = await buildWorld(t);
    digest = openDatabaseDigest(`${t.dataDir}/shopdesk.db`);
  }, 60_000);
  afterAll(async () => {
    digest?.close();
    await t?.stop();
  });

  it('finds every procedure of the router, with the zod input of each that has one', () => {
    expect(procedures.length).toBeGreaterThanOrEqual(40);
    expect(procedures.find((p) => p.name === 'auth.login')).toMatchObject({ type: 'mutation', input: { type: 'object' } });
  });

  for (const role of ACTING_ROLES) {
    it(
      `as ${role}: no 5xx, errors in the docs/contract/API.md format, nothing written by a refusal`,
      async () => {
        const targets = procedures.map((procedure) => trpcTarget(procedure, role, { baseUrl: t.core.url, world, digest, known: KNOWN }));
        const unknown = trpcTarget({ name: '(unknown)', type: 'query', input: undefined, resolve: () => undefined }, role, {
          baseUrl: t.core.url,
          world,
          digest,
          known: KNOWN,
        });
        targets.push({
          ...unknown,
          cases: unknownProcedureCases(
            procedures.map((p) => p.name),
            role,
            world.dictionary,
          ),
        });
        const failures = await runTargets(targets, SETTINGS, FILE);
        expect(failures, failures.join('\n\n')).toEqual([]);
      },
      SETTINGS.budgetMs + 60_000,
    );
  }
});
