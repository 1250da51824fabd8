import type { FieldErrors } from './errors';

/** One schema-validation problem, as both adapters see it (REST via Fastify, tRPC via zod). */
export interface FieldIssue {
  /** Where in the input; empty for the input itself. */
  path: readonly string[];
  code?: string;
  message?: string;
  /** For an `unrecognized_keys` issue: the keys the client sent that the schema does not know. */
  unknownKeys?: readonly unknown[];
}

function friendly(issue: FieldIssue): string {
  const message = issue.message ?? 'Invalid value.';
  if (issue.code === 'invalid_type' && /received undefined/.test(message)) return 'This field is required.';
  return message;
}

/**
 * Validation issues as docs/contract/API.md `fields`: one list of messages per field (dotted path), an unknown
 * key named as such, problems with the input as a whole under `root` ("body", "query", "input").
 *
 * Field names come from the client, so they are grouped in a Map: `constructor`, `toString` or
 * `__proto__` are just names here, never members of Object.prototype; `Object.fromEntries` then
 * makes each one an own property, `__proto__` included.
 */
export function fieldErrorsOf(issues: Iterable<FieldIssue>, root: string): FieldErrors {
  const byField = new Map<string, string[]>();
  const add = (field: string, message: string) => {
    const messages = byField.get(field);
    if (messages) messages.push(message);
    else byField.set(field, [message]);
  };
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys' && issue.unknownKeys) {
      for (const key of issue.unknownKeys) add([...issue.path, String(key)].join('.'), 'Unknown field.');
      continue;
    }
    add(issue.path.length === 0 ? root : issue.path.join('.'), friendly(issue));
  }
  return Object.fromEntries(byField);
}

/** The `message` of a validation error: its first field and problem. */
export function firstFieldMessage(fields: FieldErrors, fallback: string): string {
  const first = Object.entries(fields)[0];
  return first ? `${first[0]}: ${first[1][0] ?? 'invalid'}` : fallback;
}
