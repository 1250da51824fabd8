/**
 * Last touches on the generated OpenAPI document, for what the zod → JSON Schema step cannot
 * say by itself (each keeps `redocly lint` clean and generated clients exact).
 */

type JsonRecord = Record<string, unknown>;

const isRecord = (value: unknown): value is JsonRecord => typeof value === 'object' && value !== null && !Array.isArray(value);

const SCHEMA_REF_PREFIX = '#/components/schemas/';
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

/** What each status means across this API (docs/contract/API.md "Errors"), for responses that say nothing else. */
const RESPONSE_DESCRIPTIONS: Record<string, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'Done (no body)',
  400: 'Invalid request: `fields` maps each wrong field to its messages (`validation_failed`, `password_policy`, `insufficient_stock`, …)',
  401: 'Not signed in, or the token is expired, revoked or invalid',
  403: 'Not allowed: role or account (`forbidden`, `password_expired` with code 4), a failed CSRF check, or a host name this server does not answer to',
  404: 'Not found (`not_found`; a password-reset PIN: `pin_invalid` code 1, `pin_expired` code 2)',
  409: 'Not possible in the current state (`invalid_state`, `already_initialized`)',
  423: 'The account is locked (code 3); a manager unlocks it',
  429: 'Too many attempts (`rate_limited`): wait `Retry-After` seconds',
  503: 'Busy (`busy`): retry after `Retry-After` seconds',
};

function visit(node: unknown, onObject: (value: JsonRecord) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) visit(item, onObject);
  } else if (isRecord(node)) {
    onObject(node);
    for (const child of Object.values(node)) visit(child, onObject);
  }
}

function schemaRefsIn(node: unknown): Set<string> {
  const names = new Set<string>();
  visit(node, (value) => {
    if (typeof value.$ref === 'string' && value.$ref.startsWith(SCHEMA_REF_PREFIX)) names.add(value.$ref.slice(SCHEMA_REF_PREFIX.length));
  });
  return names;
}

/**
 * Every schema with a zod `id` is emitted twice (its input and its output form); only the forms
 * that some operation refers to, directly or through another schema, stay in the document.
 */
function dropUnusedSchemas(document: JsonRecord): void {
  const components = document.components;
  if (!isRecord(components) || !isRecord(components.schemas)) return;
  const schemas = components.schemas;
  const used = schemaRefsIn({ ...document, components: { ...components, schemas: {} } });
  const pending = [...used];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    for (const next of schemaRefsIn(schemas[name])) {
      if (!used.has(next)) {
        used.add(next);
        pending.push(next);
      }
    }
  }
  for (const name of Object.keys(schemas)) if (!used.has(name)) delete schemas[name];
}

/**
 * OpenAPI 3.0 allows `nullable` only beside a `type`; `z.unknown().nullable()` gives a typeless
 * schema that admits any value, null included, so the flag says nothing there.
 */
function dropTypelessNullable(document: JsonRecord): void {
  visit(document, (value) => {
    if (value.nullable !== true) return;
    if (['type', '$ref', 'allOf', 'anyOf', 'oneOf'].some((key) => key in value)) return;
    delete value.nullable;
  });
}

/** @fastify/swagger writes "Default Response" where a response has no description of its own. */
function describeResponses(document: JsonRecord): void {
  if (!isRecord(document.paths)) return;
  for (const pathItem of Object.values(document.paths)) {
    if (!isRecord(pathItem)) continue;
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!isRecord(operation) || !isRecord(operation.responses)) continue;
      for (const [status, response] of Object.entries(operation.responses)) {
        const description = RESPONSE_DESCRIPTIONS[status];
        if (isRecord(response) && response.description === 'Default Response' && description) response.description = description;
      }
    }
  }
}

export function finishOpenApiDocument<T extends object>(generated: T): T {
  const document = structuredClone(generated);
  if (!isRecord(document)) return document;
  dropUnusedSchemas(document);
  dropTypelessNullable(document);
  describeResponses(document);
  return document;
}
