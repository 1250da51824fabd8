import type { DatabaseDigest, Snapshot } from './db-digest';
import { errorBodyProblems, leakProblems } from './error-format';
import { describeResult, type HttpResult } from './http-result';

export interface ErrorAnswer {
  body: unknown;
  status: number;
  statusMustMatchCode: boolean;
}

export interface Judgement {
  result: HttpResult;
  /**
   * The docs/contract/API.md error bodies of the refusals (REST: the body; tRPC: each `error.data.apiError`),
   * with whether the status must be the one docs/contract/API.md gives the code (REST) or not (tRPC's own).
   */
  errorBodies: readonly ErrorAnswer[];
  /** Nothing was done: every answer is a refusal. */
  refused: boolean;
  /** GET, or a tRPC query: writes nothing, whatever the answer. */
  safe: boolean;
  digest: DatabaseDigest;
  before: Snapshot;
  /** Problems of the transport's own envelope (tRPC). */
  envelopeProblems?: readonly string[];
}

/** The fuzzer's oracle: no 5xx, refusals in the docs/contract/API.md format and leaking nothing, no write by a refusal. */
export function responseProblems(j: Judgement): string[] {
  const { status } = j.result;
  const problems: string[] = [...(j.envelopeProblems ?? [])];
  if (status >= 500) problems.push(`HTTP ${status}`);
  if (status >= 400 && !j.result.contentType.includes('application/json'))
    problems.push(`error answered as "${j.result.contentType}", not JSON`);
  for (const error of j.errorBodies) {
    if (error.status >= 500) problems.push(`an answer with status ${error.status}`);
    problems.push(...errorBodyProblems(error.body, error.statusMustMatchCode ? error.status : undefined));
  }
  if (status >= 400) problems.push(...leakProblems(j.result.text));
  if (j.refused || j.safe) {
    const changes = j.digest.changesSince(j.before);
    if (changes.length > 0) problems.push(`${j.refused ? `refused (${status})` : 'safe'} request wrote: ${changes.join(' | ')}`);
  }
  return problems;
}

/** A bug found and owned elsewhere: in the cases it `matches`, the problems it `ignores` are let through. */
export interface KnownIssue<Case, Target> {
  matches(target: Target, c: Case, result: HttpResult): boolean;
  ignores: RegExp;
}

/** The problems left after the known issues, with the answer appended when there are any. */
export function reportable<Case, Target>(
  problems: readonly string[],
  known: readonly KnownIssue<Case, Target>[],
  target: Target,
  c: Case,
  result: HttpResult,
): string[] {
  const applicable = known.filter((issue) => issue.matches(target, c, result));
  const left = problems.filter((problem) => !applicable.some((issue) => issue.ignores.test(problem)));
  return left.length > 0 ? [...left, `response: ${describeResult(result)}`] : [];
}
