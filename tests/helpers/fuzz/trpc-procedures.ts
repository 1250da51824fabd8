import { z } from 'zod';
import { appRouter } from '../../../electron/trpc/root';
import { jsonSchemaParser, refResolverOf, type JsonSchema, type RefResolver } from './json-schema';

export interface ProcedureInfo {
  /** Dotted path, as called over HTTP: `auth.login`. */
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  /** The input's JSON Schema (from its zod schemas), or undefined for a procedure without input. */
  input: JsonSchema | undefined;
  resolve: RefResolver;
}

const definition = z.object({ type: z.enum(['query', 'mutation', 'subscription']), inputs: z.array(z.unknown()) });

/** A procedure is a function with a `_def`. */
function definitionOf(procedure: unknown): z.infer<typeof definition> {
  const def =
    (typeof procedure === 'function' || typeof procedure === 'object') && procedure !== null && '_def' in procedure
      ? procedure._def
      : undefined;
  return definition.parse(def);
}

function inputSchemaOf(inputs: unknown[]): { input: JsonSchema | undefined; resolve: RefResolver } {
  const schemas = inputs.filter((parser): parser is z.ZodType => parser instanceof z.ZodType);
  if (schemas.length === 0) return { input: undefined, resolve: () => undefined };
  // Chained `.input()`s merge their objects: all of them must hold.
  const documents = schemas.map((schema) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }));
  const document = documents.length === 1 ? documents[0] : { allOf: documents };
  return { input: jsonSchemaParser.parse(document), resolve: refResolverOf(document) };
}

/** Every procedure of the router, found at run time, so a new one is fuzzed too. */
export function listProcedures(): ProcedureInfo[] {
  const procedures: Record<string, unknown> = appRouter._def.procedures;
  return Object.entries(procedures).map(([name, procedure]) => {
    const def = definitionOf(procedure);
    return { name, type: def.type, ...inputSchemaOf(def.inputs) };
  });
}
