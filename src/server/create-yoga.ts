/**
 * The HTTP application: GraphQL (and GraphiQL, served offline) at /graphql, liveness at
 * /health (the process answers), readiness at /ready (200 only while Neo4j answers).
 *
 * Requests are bounded by GraphQL Armor (depth, aliases, cost, tokens, directives);
 * unexpected errors are masked for clients and logged in full.
 */
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, useReadinessCheck, type YogaServerInstance } from 'graphql-yoga';
import type { Driver } from 'neo4j-driver';

import { Authenticator } from '../auth/authenticator.ts';
import { KeyStore } from '../auth/key-store.ts';
import { RateLimiter } from '../auth/rate-limiter.ts';
import { pingNeo4j } from '../db/ping-neo4j.ts';
import { GraphReader } from '../graph/graph-reader.ts';
import { buildSchema } from '../graphql/build-schema.ts';
import type { GraphContext } from '../graphql/context.ts';
import type { CypherQuery } from '../translate/translation-context.ts';
import { GraphWriter } from '../write/graph-writer.ts';

export interface YogaOptions {
  driver: Driver;
  database: string | undefined;
  /** Called with every Cypher query the API runs. */
  onQuery?: (query: CypherQuery) => void;
  /** Where masked errors are logged. @default console */
  logging?: boolean;
  /** API keys: whether reads need one, writes per minute per key. @default open reads, 60 */
  auth?: { readsRequireKey: boolean; writesPerMinute: number };
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
  auth: authOptions = { readsRequireKey: false, writesPerMinute: 60 },
}: YogaOptions): GraphYoga {
  const reader = new GraphReader({ driver, database, onQuery });
  const writer = new GraphWriter({ driver, database });
  const auth = new Authenticator({
    keys: new KeyStore(driver, database),
    readsRequireKey: authOptions.readsRequireKey,
    writeLimiter: new RateLimiter(authOptions.writesPerMinute),
  });
  return createYoga<Record<string, never>, GraphContext>({
    schema: buildSchema(),
    // A bad key is refused before anything runs (401); so is a missing one when reads need it.
    context: async ({ request }) => {
      const principal = await auth.authenticate(request.headers.get('authorization'));
      auth.requireRead(principal);
      return { reader, writer, auth, principal };
    },
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    logging,
    graphiql: { title: 'Negotiation graph', defaultQuery: DEFAULT_QUERY },
    renderGraphiQL,
    plugins: [
      EnvelopArmorPlugin({
        maxDepth: { n: LIMITS.maxDepth, ignoreIntrospection: true },
        maxAliases: { n: LIMITS.maxAliases },
        costLimit: { maxCost: LIMITS.maxCost, ignoreIntrospection: true },
        maxTokens: { n: LIMITS.maxTokens },
        maxDirectives: { n: LIMITS.maxDirectives },
        blockFieldSuggestion: { enabled: false },
      }),
      useReadinessCheck({ endpoint: '/ready', check: () => pingNeo4j(driver, database) }),
    ],
  });
}
