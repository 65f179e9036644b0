/**
 * The HTTP application: GraphQL (and GraphiQL, served offline) at /graphql, liveness at
 * /health (the process answers), readiness at /ready (200 only while Neo4j answers).
 *
 * Requests are bounded by GraphQL Armor (depth, aliases, cost, tokens, directives);
 * unexpected errors are masked for clients and logged in full.
 */
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { createYoga, useReadinessCheck, type YogaServerInstance } from 'graphql-yoga';
import type { Driver } from 'neo4j-driver';

import { pingNeo4j } from '../db/ping-neo4j.ts';
import { GraphReader } from '../graph/graph-reader.ts';
import { buildSchema } from '../graphql/build-schema.ts';
import type { GraphContext } from '../graphql/context.ts';
import type { CypherQuery } from '../translate/translation-context.ts';
import { warmUp, warmUpQueries, type WarmUpResult } from './warm-up.ts';

export interface YogaOptions {
  driver: Driver;
  database: string | undefined;
  /** Called with every Cypher query the API runs. */
  onQuery?: (query: CypherQuery) => void;
  /** Where masked errors are logged. @default console */
  logging?: boolean;
  /**
   * Warm start: ask every root field once (src/server/warm-up.ts) before /ready turns 200;
   * called with the outcome when done. Off by default (tests build many servers).
   */
  onWarmedUp?: (result: WarmUpResult) => void;
}

export type GraphYoga = YogaServerInstance<Record<string, never>, GraphContext>;

/** Request limits; each refusal names the limit. */
export const LIMITS = {
  maxDepth: 12,
  maxAliases: 15,
  maxCost: 20_000,
  maxTokens: 4_000,
  maxDirectives: 20,
} as const;

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

export function createGraphYoga({
  driver,
  database,
  onQuery,
  logging = true,
  onWarmedUp,
}: YogaOptions): GraphYoga {
  const reader = new GraphReader({ driver, database, onQuery });
  const schema = buildSchema();
  let warm = !onWarmedUp;
  const yoga = createYoga<Record<string, never>, GraphContext>({
    schema,
    context: () => ({ reader }),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    logging,
    graphiql: { title: 'Negotiation graph', defaultQuery: DEFAULT_QUERY },
    // GraphiQL's offline bundle is 9 MB of JavaScript: loaded on the first GraphiQL page, not
    // at start (about 20 MB less resident memory for an API that only answers queries).
    renderGraphiQL: async (options) =>
      (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(options),
    plugins: [
      EnvelopArmorPlugin({
        maxDepth: { n: LIMITS.maxDepth, ignoreIntrospection: true },
        maxAliases: { n: LIMITS.maxAliases },
        costLimit: { maxCost: LIMITS.maxCost, ignoreIntrospection: true },
        maxTokens: { n: LIMITS.maxTokens },
        maxDirectives: { n: LIMITS.maxDirectives },
        blockFieldSuggestion: { enabled: false },
      }),
      useReadinessCheck({
        endpoint: '/ready',
        check: async () => warm && (await pingNeo4j(driver, database)),
      }),
    ],
  });
  if (onWarmedUp) {
    void warmUp(warmUpQueries(schema), (url, init) => yoga.fetch(url, init)).then((result) => {
      warm = true;
      onWarmedUp(result);
    });
  }
  return yoga;
}
