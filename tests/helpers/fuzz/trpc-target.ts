import { authHeaders } from './auth-variants';
import { recordStatus } from './coverage';
import type { DatabaseDigest } from './db-digest';
import type { FuzzTarget } from './fuzz-runner';
import type { HttpResult } from './http-result';
import { reportable, responseProblems, type ErrorAnswer, type KnownIssue } from './response-problems';
import { describeTrpcCase, trpcCases, type TrpcCase } from './trpc-case';
import { callTrpc } from './trpc-http';
import type { ProcedureInfo } from './trpc-procedures';
import type { ActingRole } from './acting-users';
import type { World } from './world';

/** A bug found and owned elsewhere, let through until it is fixed (each with a `// KNOWN:` note). */
export type KnownTrpcIssue = KnownIssue<TrpcCase, { procedure: ProcedureInfo; role: ActingRole }>;

export interface TrpcFuzzContext {
  baseUrl: string;
  world: World;
  digest: DatabaseDigest;
  known: readonly KnownTrpcIssue[];
}

interface Envelope {
  problems: string[];
  errors: ErrorAnswer[];
  successes: number;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** One answer of tRPC: `{result}` or `{error: {message, code, data: {code, httpStatus, apiError}}}`. */
function readAnswer(answer: unknown, httpStatus: number | undefined, envelope: Envelope): void {
  if (isObject(answer) && 'result' in answer) {
    envelope.successes++;
    return;
  }
  const error = isObject(answer) ? answer.error : undefined;
  if (typeof error === 'string' && httpStatus !== undefined) {
    // Refused before tRPC ran (the HTTP parser, Fastify's body parsing): the REST error body.
    envelope.errors.push({ body: answer, status: httpStatus, statusMustMatchCode: true });
    return;
  }
  const data = isObject(error) ? error.data : undefined;
  if (!isObject(error) || !isObject(data)) {
    envelope.problems.push(`not a tRPC answer: ${JSON.stringify(answer)?.slice(0, 200)}`);
    return;
  }
  const status = typeof data.httpStatus === 'number' ? data.httpStatus : -1;
  if (httpStatus !== undefined && status !== httpStatus) envelope.problems.push(`error.data.httpStatus ${status} but HTTP ${httpStatus}`);
  if ('stack' in data) envelope.problems.push('error.data has a stack');
  const apiError = data.apiError;
  if (isObject(apiError) && error.message !== apiError.message) envelope.problems.push('error.message differs from apiError.message');
  if (isObject(apiError) && apiError.error === 'internal_error' && status < 500)
    envelope.problems.push(`a ${status} reported as internal_error`);
  envelope.errors.push({ body: apiError, status, statusMustMatchCode: false });
}

function readEnvelope(result: HttpResult, batch: boolean): Envelope {
  const envelope: Envelope = { problems: [], errors: [], successes: 0 };
  if (result.json === undefined) {
    if (result.status >= 400) envelope.problems.push('an error that is not JSON');
    return envelope;
  }
  if (batch && Array.isArray(result.json)) {
    for (const answer of result.json) readAnswer(answer, undefined, envelope);
  } else {
    readAnswer(result.json, result.status, envelope);
  }
  return envelope;
}

export function trpcTarget(procedure: ProcedureInfo, role: ActingRole, context: TrpcFuzzContext): FuzzTarget<TrpcCase> {
  const { world, digest } = context;
  const name = `${procedure.type} ${procedure.name} as ${role}`;
  return {
    name,
    cases: trpcCases(procedure, role, world.dictionary),
    describe: describeTrpcCase,
    async check(c) {
      const before = digest.snapshot();
      const version = digest.version();
      const headers = { ...c.request.headers, ...authHeaders(c.auth, world.credentialsOf(role)) };
      const result = await callTrpc(context.baseUrl, { ...c.request, headers });
      recordStatus(name, result.status);
      const envelope = readEnvelope(result, c.request.batch ?? false);
      const problems = responseProblems({
        result,
        errorBodies: envelope.errors,
        refused: envelope.successes === 0,
        safe: procedure.type === 'query' && c.request.method === 'GET',
        digest,
        before,
        envelopeProblems: envelope.problems,
      });
      // Only a write can have ended an acting user's sign-in.
      if (envelope.successes > 0 && procedure.type !== 'query' && digest.version() !== version) await world.repair();
      return reportable(problems, context.known, { procedure, role }, c, result);
    },
  };
}
