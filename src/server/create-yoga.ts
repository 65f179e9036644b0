/**
 * The HTTP application: GraphQL (and GraphiQL, served offline) at /graphql, liveness at
 * /health (the process answers), readiness at /ready (200 only while Neo4j answers).
 *
 * Requests are bounded by the limits in use-request-limits.ts; every database call ends by
 * a deadline and fails fast while Neo4j is known down (DatabaseHealth); unexpected errors
 * are masked for clients and logged in full. Cross-origin reads are refused unless the
 * origin is in `corsOrigins` (never with credentials).
 */
import type { ExecutionResult } from 'graphql';
import { createYoga, useReadinessCheck, type YogaServerInstance } from 'graphql-yoga';
import type { Driver } from 'neo4j-driver';

import { Authenticator } from '../auth/authenticator.ts';
import { KeyStore } from '../auth/key-store.ts';
import { RateLimiter } from '../auth/rate-limiter.ts';
import { DatabaseHealth } from '../db/database-health.ts';
import { lineLogger, type Logger } from '../log/logger.ts';
import { GraphReader } from '../graph/graph-reader.ts';
import { buildSchema, withoutResponseKeyResolvers } from '../graphql/build-schema.ts';
import type { GraphContext } from '../graphql/context.ts';
import { TranslationCache } from '../translate/translation-cache.ts';
import type { CypherQuery } from '../translate/translation-context.ts';
import { GraphWriter } from '../write/graph-writer.ts';
import { GraphiQLAssets } from './graphiql-assets.ts';
import type { OperationLog, WarmOperation } from './operation-log.ts';
import { useOperationLog } from './use-operation-log.ts';
import { useCompiledExecution, type ExecutionCounts } from './use-compiled-execution.ts';
import { KnownReads } from './known-reads.ts';
import { warmHotPath, type HotPath } from './serve-known-read.ts';
import { useRequestLimits } from './use-request-limits.ts';
import { warmUp, warmUpQueries, type WarmUpResult } from './warm-up.ts';

export { LIMITS } from './use-request-limits.ts';

export interface YogaOptions {
  driver: Driver;
  database: string | undefined;
  /** Called with every Cypher query the API runs. */
  onQuery?: (query: CypherQuery) => void;
  /**
   * Where masked errors, and Neo4j's changes of state, are logged: a pino logger
   * (src/log/logger.ts), `true` for the console, `false` for nowhere. @default true
   */
  logging?: boolean;
  logger?: Logger;
  /** What the server knows of Neo4j's state; one is created (and started) when absent. */
  health?: DatabaseHealth;
  /** Origins allowed to read responses cross-origin. @default [] (same origin only) */
  corsOrigins?: readonly string[];
  /** Per-query timeout in Neo4j; the client-side deadline is 2 s more. @default 15000 */
  queryTimeoutMs?: number;
  /**
   * Warm start: ask every root field once (src/server/warm-up.ts) before /ready turns 200;
   * called with the outcome when done. Off by default (tests build many servers).
   */
  onWarmedUp?: (result: WarmUpResult) => void;
  /**
   * Operations the warm-up asks too, after the root fields, all before /ready turns 200: an
   * operator's list (WARM_UP_OPERATIONS). @default []
   */
  warmUpOperations?: readonly WarmOperation[];
  /**
   * Operations clients asked before (an OperationLog's `top`), asked after those while the
   * warm-up has taken less than `warmUpBudgetMs`; the rest are asked after /ready turned
   * 200, one at a time, so a long list does not hold readiness back. @default []
   */
  rememberedOperations?: readonly WarmOperation[];
  /** @default 3000 */
  warmUpBudgetMs?: number;
  /** Notes every successful query, for the next start's warm-up. @default none */
  operationLog?: OperationLog;
  /** API keys: whether reads need one, writes per minute per key. @default open reads, 60 */
  auth?: { readsRequireKey: boolean; writesPerMinute: number };
  /** The cache of translated Cypher. @default a new TranslationCache (2000 entries) */
  translations?: TranslationCache;
  /**
   * Folder of the seed reports' texts (REPORTS_DIR), from which `suggestFacts(source:)`
   * reads a seed report. @default undefined (only texts stored in the graph)
   */
  reportsDir?: string | undefined;
  /**
   * Run alias-free read operations compiled (use-compiled-execution.ts); `false` runs every
   * operation on graphql-js. @default true
   */
  compiledExecution?: boolean;
  /** Counted per operation executed, when given: compiled or on graphql-js. */
  executionCounts?: ExecutionCounts;
}

/**
 * What the HTTP layer passes in: only the in-process warm-up sets `warmUp`; only the hot
 * path (serve-known-read.ts) sets `answered`, the answer it computed for this request.
 */
export interface ServerContext {
  warmUp?: boolean;
  answered?: ExecutionResult;
}

/**
 * The yoga instance, with the hot path of its repeated reads for the HTTP listener
 * (create-request-listener.ts); none when compiled execution is off.
 */
export type GraphYoga = YogaServerInstance<ServerContext, GraphContext> & {
  readonly hotPath?: HotPath;
};

const DEFAULT_QUERY = `# Which of Pakistan's demands did Afghanistan reject, where, mediated by whom, per which reports?
{
  demands(filter: { madeBy: "pakistan", rejectedBy: "afghanistan" }) {
    totalCount
    edges {
      node {
        summary
        rejectedBy { node { name } reason evidence { quote source { id outlet } } }
        raisedAt { node { name mediators { node { name } role } } }
      }
    }
  }
}
`;

/** How many times the warm-up asks each known operation through the hot path. */
export const HOT_ROUNDS = 4;
/** The warm-up's per-query timeout. */
export const WARM_QUERY_TIMEOUT_MS = 3000;

export function createGraphYoga({
  driver,
  database,
  onQuery,
  logging = true,
  logger,
  health = new DatabaseHealth({
    driver,
    database,
    ...(logger ? { log: lineLogger(logger.child({ component: 'health' }), 'warn') } : {}),
  }).start(),
  corsOrigins = [],
  queryTimeoutMs,
  onWarmedUp,
  auth: authOptions = { readsRequireKey: false, writesPerMinute: 60 },
  translations = new TranslationCache(),
  reportsDir,
  warmUpOperations = [],
  rememberedOperations = [],
  warmUpBudgetMs = 3000,
  operationLog,
  compiledExecution = true,
  executionCounts,
}: YogaOptions): GraphYoga {
  const reader = new GraphReader({ driver, database, onQuery, health, timeoutMs: queryTimeoutMs });
  // The warm-up's queries are stopped sooner: Neo4j plans (and caches the plan) before it
  // runs a query, so a shape whose whole answer is slow (a timeline of a large graph) is
  // warmed all the same without holding /ready back for the full timeout.
  const warmReader = new GraphReader({
    driver,
    database,
    onQuery,
    health,
    timeoutMs: Math.min(WARM_QUERY_TIMEOUT_MS, queryTimeoutMs ?? Infinity),
  });
  const writer = new GraphWriter({ driver, database });
  const auth = new Authenticator({
    keys: new KeyStore(driver, database),
    readsRequireKey: authOptions.readsRequireKey,
    writeLimiter: new RateLimiter(authOptions.writesPerMinute),
  });
  const schema = buildSchema();
  let warm = !onWarmedUp;
  // A bad key is refused before anything runs (401); so is a missing one when reads need
  // it. The in-process warm-up reads without a key: it never leaves this process.
  const graphContext = async (
    authorization: string | null | undefined,
    warming: boolean,
  ): Promise<GraphContext> => {
    const principal = await auth.authenticate(authorization);
    if (!warming) auth.requireRead(principal);
    return {
      reader: warming ? warmReader : reader,
      translations,
      writer,
      auth,
      principal,
      reportsDir,
    };
  };
  const knownReads = compiledExecution ? new KnownReads() : undefined;
  const yoga = createYoga<ServerContext, GraphContext>({
    schema,
    context: ({ request, warmUp: warming }) =>
      graphContext(request.headers.get('authorization'), warming === true),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    // Request bodies are bounded before yoga sees them: the HTTP listener
    // (create-request-listener.ts) refuses a POST without a Content-Length (411) or with one
    // above its limit (413), and Node's HTTP parser never reads a body past its
    // Content-Length. Yoga's own limit would stream every body through a TransformStream
    // again to count it (about 6 % of the API's CPU under load, bench/README.md).
    maxRequestBodySize: false,
    logging: logger ?? logging,
    cors:
      corsOrigins.length === 0
        ? false
        : { origin: [...corsOrigins], credentials: false, methods: ['GET', 'POST'] },
    graphiql: { title: 'Negotiation graph', defaultQuery: DEFAULT_QUERY },
    renderGraphiQL: async (opts) =>
      (await GraphiQLAssets.load()).render({
        title: opts?.title ?? 'Negotiation graph',
        defaultQuery: opts?.defaultQuery ?? DEFAULT_QUERY,
        endpoint: opts?.endpoint ?? '/graphql',
      }),
    plugins: [
      ...useRequestLimits(),
      ...(operationLog ? [useOperationLog(operationLog)] : []),
      useReadinessCheck({
        endpoint: '/ready',
        check: async () => warm && (await health.check()),
      }),
      ...(compiledExecution
        ? [
            useCompiledExecution(
              schema,
              withoutResponseKeyResolvers(schema),
              executionCounts,
              knownReads,
            ),
          ]
        : []),
    ],
  });
  const hotPath: HotPath | undefined = knownReads && {
    reads: knownReads,
    schema,
    context: (authorization, warming = false) => graphContext(authorization, warming),
    corsEnabled: corsOrigins.length > 0,
    stats: { served: 0, answeredByYoga: 0, toYoga: 0 },
    operationLog,
    counts: executionCounts,
  };
  if (onWarmedUp) {
    const fetchWarm = (url: string, init: RequestInit) => yoga.fetch(url, init, { warmUp: true });
    const before = [...warmUpQueries(schema), ...warmUpOperations];
    void warmUp(before, fetchWarm, {
      optional: rememberedOperations,
      budgetMs: warmUpBudgetMs,
    }).then(async (result) => {
      // The operations clients will ask (the operator's, the remembered ones asked before
      // /ready) run a few more times through the hot path; not the root-field shapes: no
      // client sends their text, and a slow one would cost the warm-up's timeout again.
      if (hotPath) {
        const remembered = rememberedOperations.slice(
          0,
          rememberedOperations.length - result.deferred.length,
        );
        await warmHotPath(hotPath, [...warmUpOperations, ...remembered], HOT_ROUNDS);
      }
      warm = true;
      onWarmedUp(result);
      if (result.deferred.length === 0) return;
      // After /ready: one at a time, beside the clients' first requests.
      const later = await warmUp(result.deferred, fetchWarm, { concurrency: 1 });
      logger?.info(
        `Warmed up after ready: ${later.queries} remembered operations in ${(later.ms / 1000).toFixed(1)} s`,
      );
    });
  }
  if (!hotPath) return yoga;
  return Object.assign(yoga, { hotPath });
}
