import { errorBodySchema } from '../../shared/schemas/common';

/** The error responses a route declares, for the OpenAPI document. */
export function errorResponses(...statuses: number[]) {
  return Object.fromEntries([400, ...statuses].map((s) => [s, errorBodySchema])) as Record<number, typeof errorBodySchema>;
}

export const AUTHED_ERRORS = [401, 403] as const;
