import { z } from 'zod';
import { ERROR_STATUS } from '../../../shared/errors';

/** docs/contract/API.md: `{error, message, code?, fields?, details?}` (and the code-4 sign-in's change token). */
const errorBody = z.strictObject({
  error: z.string().regex(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/, 'not a snake_case code'),
  message: z.string().min(1),
  code: z.number().int().optional(),
  fields: z.record(z.string(), z.array(z.string())).optional(),
  details: z.array(z.unknown()).optional(),
  change_token: z.string().optional(),
});

/** What is wrong with an error body, if anything; `status` is checked against docs/contract/API.md's table. */
export function errorBodyProblems(body: unknown, status: number | undefined): string[] {
  const parsed = errorBody.safeParse(body);
  if (!parsed.success)
    return [
      `error body not in the docs/contract/API.md format: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`,
    ];
  const problems: string[] = [];
  const code = parsed.data.error;
  if (!Object.hasOwn(ERROR_STATUS, code)) problems.push(`unknown error code "${code}"`);
  else if (status !== undefined) {
    const expected = Object.entries(ERROR_STATUS).find(([name]) => name === code)?.[1];
    if (expected !== status) problems.push(`"${code}" answered with HTTP ${status}, docs/contract/API.md says ${expected}`);
  }
  return problems;
}

/** Stack frames, file paths and SQL must never reach a client. */
export function leakProblems(text: string): string[] {
  const leak = /\bat \S+ \(|node_modules|SQLITE_|\/work\/|\/tmp\/|\.ts:\d+|sqlite_master|SELECT .* FROM/i.exec(text);
  return leak ? [`the response leaks internals ("${leak[0]}")`] : [];
}
