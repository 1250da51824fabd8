import { recordStatus } from './coverage';
import type { DatabaseDigest } from './db-digest';
import type { FuzzTarget } from './fuzz-runner';
import type { RefResolver } from './json-schema';
import { operationName, type Operation } from './openapi-operations';
import { describeRestCase, restCases, type RestCase } from './rest-case';
import { sendRest } from './rest-send';
import { reportable, responseProblems, type KnownIssue } from './response-problems';
import type { ActingRole } from './acting-users';
import type { World } from './world';

/** A bug found and owned elsewhere, let through until it is fixed (each with a `// KNOWN:` note). */
export type KnownRestIssue = KnownIssue<RestCase, { op: Operation; role: ActingRole }>;

export interface RestFuzzContext {
  baseUrl: string;
  world: World;
  digest: DatabaseDigest;
  resolve: RefResolver;
  known: readonly KnownRestIssue[];
}

export function restTarget(op: Operation, role: ActingRole, context: RestFuzzContext): FuzzTarget<RestCase> {
  const { world, digest } = context;
  const name = `${operationName(op)} as ${role}`;
  return {
    name,
    cases: restCases(op, role, { dictionary: world.dictionary, resolve: context.resolve }),
    describe: describeRestCase,
    async check(c) {
      const before = digest.snapshot();
      const version = digest.version();
      const result = await sendRest(context.baseUrl, c, world.credentialsOf(role));
      recordStatus(name, result.status);
      const safe = c.method === 'GET';
      const problems = responseProblems({
        result,
        errorBodies: result.status >= 400 ? [{ body: result.json, status: result.status, statusMustMatchCode: true }] : [],
        refused: result.status >= 400,
        safe,
        digest,
        before,
      });
      // Only a write can have ended an acting user's sign-in.
      if (!safe && result.status < 400 && digest.version() !== version) await world.repair();
      return reportable(problems, context.known, { op, role }, c, result);
    },
  };
}
