/**
 * Warm start: before /ready turns 200, every root field of the schema is asked once, so the
 * first request a user makes does not pay for Neo4j planning its query shapes, the JVM's
 * first compilation of them, or V8's of our resolvers and translator.
 *
 * Each root field gets one query selecting its scalar fields and those of the objects one
 * level below (relationship fields, connection edges), with placeholder values for required
 * arguments. Deeper selections make Cypher that Neo4j takes seconds to plan (an actor three
 * levels deep: 18 s cold), so they would delay readiness more than they save. Answers are
 * discarded; refusals and errors are counted, never fatal: warming only saves time.
 */
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';

import type { WarmOperation } from './operation-log.ts';

/**
 * How many object levels a warm-up query selects: the root field's own scalars (a Relay
 * connection's and edge's wrappers do not count as levels, so a list's shape reaches its
 * nodes' scalars). Each relationship field selected adds a subquery, and Neo4j's planning
 * time grows with them: an actor with every relationship one level below is 4 400 characters
 * of Cypher and 0.6–0.9 s to plan on a warm JVM, three levels deep 18 s cold. A shape planned
 * here is reused only by a request whose Cypher is the same text, which a client's own
 * selection rarely is: the shapes warm the code paths (the JVM's planner, V8's resolvers and
 * translator), the remembered and listed operations warm the plans clients will ask for.
 */
export const DEPTH = 1;

/** A Relay connection, whose `edges` (and their edge type) a shape passes through for free. */
const isConnection = (name: string) => name.endsWith('Connection');

/** A literal for a required argument, or undefined when none can be made up. */
function placeholder(arg: GraphQLArgument): string | undefined {
  const type = getNullableType(arg.type);
  if (isListType(type)) return '[]';
  if (isEnumType(type)) return type.getValues()[0]?.name;
  if (isInputObjectType(type)) return undefined;
  switch (type.name) {
    case 'Int':
    case 'Float':
      return '1';
    case 'Boolean':
      return 'false';
    default:
      return '"warm-up"';
  }
}

function argumentList(field: GraphQLField<unknown, unknown>): string | undefined {
  const parts: string[] = [];
  for (const arg of field.args) {
    if (!isNonNullType(arg.type) || arg.defaultValue !== undefined) continue;
    const value = placeholder(arg);
    if (value === undefined) return undefined;
    parts.push(`${arg.name}: ${value}`);
  }
  return parts.length ? `(${parts.join(', ')})` : '';
}

/** The selection set of `field`'s type, `depth` object levels deep ('' for a leaf). */
function selection(
  field: GraphQLField<unknown, unknown>,
  depth: number,
  inConnection = false,
): string | undefined {
  const type = getNamedType(field.type);
  if (isLeafType(type)) return '';
  const connection = isConnection(type.name);
  if (connection || (inConnection && field.name === 'edges')) depth += 1;
  if (depth === 0) return undefined;
  if (isUnionType(type)) return '{ __typename }';
  if (!isObjectType(type) && !isInterfaceType(type)) return undefined;
  const parts: string[] = [];
  for (const child of Object.values(type.getFields())) {
    const args = argumentList(child);
    if (args === undefined) continue;
    const sub = selection(child, depth - 1, connection);
    if (sub === undefined) continue;
    parts.push(`${child.name}${args}${sub ? ` ${sub}` : ''}`);
  }
  return parts.length ? `{ ${parts.join(' ')} }` : '{ __typename }';
}

/** One query per root Query field (fields whose required arguments cannot be made up are skipped). */
export function warmUpQueries(schema: GraphQLSchema, depth = DEPTH): string[] {
  const root = schema.getQueryType();
  if (!root) return [];
  const queries: string[] = [];
  for (const field of Object.values(root.getFields())) {
    const args = argumentList(field);
    const sub = selection(field, depth);
    if (args === undefined || sub === undefined) continue;
    queries.push(`{ ${field.name}${args}${sub ? ` ${sub}` : ''} }`);
  }
  return queries;
}

export interface WarmUpResult {
  queries: number;
  /** Queries answered with errors (refused by a limit, or failed): they warmed less. */
  failed: number;
  /** For each failed query: its root field and the first error's message. */
  failures: string[];
  /**
   * The queries stopped at the warm-up's per-query timeout (planned, not run to the end):
   * their root fields. Not failures.
   */
  stopped: string[];
  ms: number;
  /** The three slowest operations, as `name ms`, slowest first. */
  slowest: string[];
  /** The optional operations not asked because the budget was spent (in their order). */
  deferred: (string | WarmOperation)[];
}

export interface WarmUpOptions {
  /** How many operations are asked at once. @default 3 */
  concurrency?: number;
  /**
   * Operations asked after the others, only while less than `budgetMs` has passed since the
   * warm-up began; those not started by then are returned as `deferred`. @default []
   */
  optional?: readonly (string | WarmOperation)[];
  /** @default Infinity */
  budgetMs?: number;
}

/**
 * Asks each operation once through `fetch` (the server's own, in process), `concurrency` at a
 * time: a query text, or an operation with its name and variables (operation-log.ts). Every
 * one of `required` is asked; then each of `options.optional` while the budget lasts.
 */
export async function warmUp(
  required: readonly (string | WarmOperation)[],
  fetch: (url: string, init: RequestInit) => Promise<Response> | Response,
  { concurrency = 3, optional = [], budgetMs = Infinity }: WarmUpOptions = {},
): Promise<WarmUpResult> {
  const started = performance.now();
  const queries = [...required, ...optional];
  let end = queries.length;
  const failures: string[] = [];
  const stopped: string[] = [];
  let next = 0;
  const field = (op: string | WarmOperation) =>
    typeof op === 'string'
      ? (/^\{\s*(\w+)/.exec(op)?.[1] ?? op.slice(0, 40))
      : (op.operationName ?? op.query.replace(/\s+/g, ' ').slice(0, 40));
  const timings: [string, number][] = [];
  const ask = async (op: string | WarmOperation) => {
    const began = performance.now();
    try {
      const res = await fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(typeof op === 'string' ? { query: op } : op),
      });
      const body = (await res.json()) as {
        errors?: { message?: string; extensions?: { code?: string } }[];
      };
      // A placeholder that names no node (BAD_USER_INPUT) still ran, and planned, the query;
      // one stopped at the warm-up's timeout (QUERY_TIMEOUT) was planned before it ran.
      const all = body.errors ?? [];
      if (all.some((e) => e.extensions?.code === 'QUERY_TIMEOUT')) stopped.push(field(op));
      const errors = all.filter(
        (e) => e.extensions?.code !== 'BAD_USER_INPUT' && e.extensions?.code !== 'QUERY_TIMEOUT',
      );
      if (errors.length > 0 || (!res.ok && all.length === 0))
        failures.push(`${field(op)}: ${errors[0]?.message ?? `HTTP ${res.status}`}`);
    } catch (err) {
      failures.push(`${field(op)}: ${err instanceof Error ? err.message : String(err)}`);
    }
    timings.push([field(op), Math.round(performance.now() - began)]);
  };
  await Promise.all(
    Array.from({ length: Math.min(concurrency, queries.length) }, async () => {
      while (next < end) {
        if (next >= required.length && performance.now() - started >= budgetMs) end = next;
        else await ask(queries[next++]!);
      }
    }),
  );
  return {
    queries: end,
    stopped,
    deferred: queries.slice(end),
    failed: failures.length,
    failures,
    ms: Math.round(performance.now() - started),
    slowest: timings
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([name, ms]) => `${name} ${ms} ms`),
  };
}
