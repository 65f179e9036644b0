/** An in-process API over the seeded test Neo4j, with API keys for each role. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';

import { KeyStore } from '../src/auth/key-store.ts';
import { createGraphYoga, type GraphYoga } from '../src/server/create-yoga.ts';
import { useSeededApi, type GraphQLResponse } from './api-helpers.ts';

/** A report text made up for the tests (not a real article), in tests/fixtures/. */
export const syntheticReport = readFileSync(
  path.join(import.meta.dirname, 'fixtures', 'synthetic-report.txt'),
  'utf8',
);

export function useWriteApi() {
  const api = useSeededApi();
  const keys = { editor: '', reader: '', revoked: '' };
  beforeAll(async () => {
    const store = new KeyStore(api.driver, api.database);
    keys.editor = (await store.create(`editor-${Date.now()}`, 'editor')).key;
    keys.reader = (await store.create(`reader-${Date.now()}`, 'reader')).key;
    const revoked = await store.create(`revoked-${Date.now()}`, 'editor');
    await store.revoke(revoked.record.keyId);
    keys.revoked = revoked.key;
  });
  // Leave the shared test graph as the seeds made it: remove what the API wrote.
  afterAll(async () => {
    for (const cypher of [
      'MATCH ()-[r]->() WHERE r.origin = "api" DELETE r',
      'MATCH (n:Entity) WHERE n.origin = "api" DETACH DELETE n',
      'MATCH (n) WHERE n:Edit OR n:ApiKey DELETE n',
    ])
      await api.driver.executeQuery(cypher, {}, { database: api.database });
  });

  /** The same API configured so that reads too need a key (READS_REQUIRE_KEY=true). */
  let closed: GraphYoga | undefined;
  const closedYoga = () =>
    (closed ??= createGraphYoga({
      driver: api.driver,
      database: api.database,
      logging: false,
      auth: { readsRequireKey: true, writesPerMinute: 60 },
    }));

  /** Posts an operation with `Authorization: Bearer <key>` (no header when key is undefined). */
  const send = (key: string | undefined, query: string, variables?: Record<string, unknown>) =>
    post(api.yoga, key, query, variables);
  /** As `send`, to the API whose reads need a key. */
  const sendClosed = (
    key: string | undefined,
    query: string,
    variables?: Record<string, unknown>,
  ) => post(closedYoga(), key, query, variables);

  async function post(
    yoga: GraphYoga,
    key: string | undefined,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse & { status: number }> {
    const res = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(key !== undefined ? { authorization: `Bearer ${key}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, ...((await res.json()) as GraphQLResponse) };
  }

  return { ...api, keys, send, sendClosed };
}
