/**
 * The HTTP hot path of a repeated read: a POST /graphql whose exact query text and operation
 * name yoga has already validated and run compiled (known-reads.ts) is answered here, from the
 * raw Node request, without yoga's Fetch-API adaptation of the request and response or its
 * plugin pipeline — the part of a request's cost that does not need repeating.
 *
 * Contract — the hot path answers exactly what yoga would, or lets yoga answer:
 * - it answers only a JSON body of `query` (a known text), optional `operationName` and
 *   `variables`, from a request whose Accept header yoga would answer with a regular JSON
 *   result, whose key is accepted for reads (the same context factory yoga calls), and whose
 *   variables graphql-js accepts; the answer has no errors, status 200 and yoga's content type;
 * - anything else is handed to yoga (`{ yoga: {} }`), and an answer with errors is handed to
 *   yoga with that answer (`{ yoga: { answered } }`), which yoga then formats — masking,
 *   logging, status — without running the operation again;
 * - a success is noted in the operation log as yoga's path notes it.
 */
import type { ExecutionResult, GraphQLSchema } from 'graphql';

import type { GraphContext } from '../graphql/context.ts';
import { runCompiled, variablesRefused } from './compiled-operation.ts';
import type { KnownReads } from './known-reads.ts';
import type { OperationLog, WarmOperation } from './operation-log.ts';
import type { ExecutionCounts } from './use-compiled-execution.ts';

export interface HotPath {
  reads: KnownReads;
  schema: GraphQLSchema;
  /**
   * The GraphQL context of a request with this Authorization header; throws a refusal (never
   * for the in-process warm-up, `warming`, which reads without a key).
   */
  context: (authorization: string | undefined, warming?: boolean) => Promise<GraphContext>;
  operationLog?: OperationLog | undefined;
  /** Requests answered here, and handed to yoga (with an answer or without). */
  stats: { served: number; answeredByYoga: number; toYoga: number };
  /** Yoga answers cross-origin requests (an Origin header) itself: it sets their CORS headers. */
  corsEnabled: boolean;
  counts?: ExecutionCounts | undefined;
}

export type HotAnswer =
  { served: { contentType: string; body: string } } | { yoga: { answered?: ExecutionResult } };

const TO_YOGA: HotAnswer = { yoga: {} };

/**
 * @param warming the in-process warm-up (create-yoga.ts) asks: it needs no key, and is neither
 *   counted in `stats` nor noted in the operation log.
 */
export async function answerKnownRead(
  hot: HotPath,
  accept: string | undefined,
  authorization: string | undefined,
  body: string,
  warming = false,
): Promise<HotAnswer> {
  const stats = warming ? { served: 0, answeredByYoga: 0, toYoga: 0 } : hot.stats;
  const toYoga = () => {
    stats.toYoga++;
    return TO_YOGA;
  };
  const mediaType = regularMediaType(accept);
  if (!mediaType) return toYoga();
  const params = parseParams(body);
  if (!params) return toYoga();
  const known = hot.reads.find(params.query, params.operationName);
  if (!known || variablesRefused(hot.schema, known.compiled, params.variables)) return toYoga();
  let result: ExecutionResult;
  try {
    const context = await hot.context(authorization, warming);
    result = await runCompiled(known.compiled, undefined, context, params.variables);
  } catch {
    // A refused key (or anything thrown before execution): yoga says why, in its words.
    return toYoga();
  }
  if (hot.counts && !warming) hot.counts.compiled++;
  if (result.errors?.length) {
    stats.answeredByYoga++;
    return { yoga: { answered: result } };
  }
  stats.served++;
  if (known.logged && !warming)
    hot.operationLog?.note({
      query: params.query,
      operationName: params.operationName,
      variables: params.variables ?? undefined,
    });
  return { served: { contentType: `${mediaType}; charset=utf-8`, body: JSON.stringify(result) } };
}

/**
 * Asks each operation `rounds` times through the hot path as the warm-up (no key, not counted,
 * not remembered), one after another: a client's first uses of a compiled operation
 * otherwise run V8's first compilations of it and of this path (measured with curl after
 * /ready: 16.6, 14.1, 10.9, then 7.4-8.1 ms). An operation that is not served (errors, a
 * timeout, not compiled) is not asked again.
 */
export async function warmHotPath(
  hot: HotPath,
  operations: readonly WarmOperation[],
  rounds: number,
): Promise<void> {
  for (const op of operations) {
    const body = JSON.stringify(op);
    for (let i = 0; i < rounds; i++) {
      const answer = await answerKnownRead(hot, 'application/json', undefined, body, true).catch(
        () => undefined,
      );
      if (!answer || !('served' in answer)) break;
    }
  }
}

interface Params {
  query: string;
  operationName: string | undefined;
  variables: Record<string, unknown> | null | undefined;
}

/** The body's GraphQL parameters, or undefined for any body yoga should judge. */
function parseParams(body: string): Params | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const { query, operationName, variables, ...rest } = parsed as Record<string, unknown>;
  if (typeof query !== 'string' || Object.keys(rest).length > 0) return undefined;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string')
    return undefined;
  if (
    variables !== undefined &&
    variables !== null &&
    (typeof variables !== 'object' || Array.isArray(variables))
  )
    return undefined;
  return {
    query,
    operationName: operationName ?? undefined,
    variables: variables as Params['variables'],
  };
}

/** yoga's result processors, in its order, with the media types each answers. */
const PROCESSORS: { regular: boolean; mediaTypes: string[] }[] = [
  { regular: false, mediaTypes: ['text/event-stream'] },
  { regular: false, mediaTypes: ['multipart/mixed'] },
  { regular: true, mediaTypes: ['application/graphql-response+json', 'application/json'] },
];

/**
 * The media type yoga answers a non-streamed result with, for this Accept header — or
 * undefined when yoga would pick a streaming processor or none. The same choice as yoga's
 * use-result-processor (the last processor media type matching any accepted one wins).
 */
function regularMediaType(accept: string | undefined): string | undefined {
  const asked: string[] = [];
  for (const part of (accept || '*/*').replace(/\s/g, '').toLowerCase().split(',')) {
    const [mediaType, ...params] = part.split(';');
    if (mediaType === undefined) continue;
    const charset = params.find((p) => p.includes('charset=')) ?? 'charset=utf-8';
    if (charset === 'charset=utf-8') asked.push(mediaType);
  }
  asked.reverse();
  let chosen: { regular: boolean; mediaType: string } | undefined;
  for (const processor of PROCESSORS)
    for (const requested of asked)
      for (const mediaType of processor.mediaTypes)
        if (matches(mediaType, requested)) chosen = { regular: processor.regular, mediaType };
  return chosen?.regular ? chosen.mediaType : undefined;
}

function matches(offered: string, requested: string): boolean {
  const [offeredType, offeredSub] = offered.split('/');
  const [type, sub] = requested.split('/');
  return (type === '*' || type === offeredType) && (sub === '*' || sub === offeredSub);
}
