/**
 * The HTTP application: GraphQL at /graphql, liveness at /health (the process answers),
 * readiness at /ready (200 only while Neo4j answers, 503 otherwise).
 */
import { createYoga, useReadinessCheck, type YogaServerInstance } from 'graphql-yoga';
import type { Driver } from 'neo4j-driver';

import { pingNeo4j } from '../db/ping-neo4j.ts';
import { buildSchema } from '../graphql/build-schema.ts';
import type { GraphContext } from '../graphql/context.ts';

export interface YogaOptions {
  driver: Driver;
  database: string | undefined;
}

export type GraphYoga = YogaServerInstance<Record<string, never>, GraphContext>;

export function createGraphYoga({ driver, database }: YogaOptions): GraphYoga {
  return createYoga<Record<string, never>, GraphContext>({
    schema: buildSchema(),
    context: () => ({ driver, database }),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    plugins: [
      useReadinessCheck({
        endpoint: '/ready',
        check: () => pingNeo4j(driver, database),
      }),
    ],
  });
}
