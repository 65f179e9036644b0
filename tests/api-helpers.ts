/** An in-process API over the seeded test Neo4j, counting the Cypher queries it runs. */
import { beforeAll } from 'vitest';

import { createGraphYoga } from '../src/server/create-yoga.ts';
import type { CypherQuery } from '../src/translate/translation-context.ts';
import { useTestDriver } from './neo4j-context.ts';
import { loadTestSeeds, reportsDir } from './seed-helpers.ts';

export interface GraphQLResponse {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: unknown[] }[];
}

export function useSeededApi(
  options: {
    /**
     * Per-query timeout. Cold planning of the union queries (`disagreements`, the ranked
     * `timeline`) takes seconds; on a shared, loaded machine more than the server's 15 s.
     * @default 15000
     */
    queryTimeoutMs?: number;
  } = {},
) {
  const { driver, database } = useTestDriver();
  const queries: CypherQuery[] = [];
  const yoga = createGraphYoga({
    driver,
    database,
    ...(options.queryTimeoutMs === undefined ? {} : { queryTimeoutMs: options.queryTimeoutMs }),
    onQuery: (q) => queries.push(q),
    logging: false,
    ...(reportsDir ? { reportsDir } : {}),
  });
  beforeAll(async () => {
    await loadTestSeeds(driver, database);
  });

  /** Posts a GraphQL operation; `queries` then holds exactly the Cypher it ran. */
  async function gql(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse & { status: number }> {
    queries.length = 0;
    const res = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, ...((await res.json()) as GraphQLResponse) };
  }

  return { driver, database, yoga, gql, queries };
}
