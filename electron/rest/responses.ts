import { errorBodySchema } from '../../shared/schemas/common';

/** The error responses a route declares, for the OpenAPI document. */
export function errorResponses(...statuses: number[]) {
  return Object.fromEntries([400, ...statuses].map((s) => [s, errorBodySchema])) as Record<number, typeof errorBodySchema>;
}

/** For routes that read no input: only the host-name guard (403, see host-check.ts) refuses them. */
export const hostGuardResponses = { 403: errorBodySchema };

export const AUTHED_ERRORS = [401, 403] as const;
