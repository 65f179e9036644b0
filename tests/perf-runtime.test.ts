/**
 * The lean runtime's contracts: the warm start asks every root field before /ready turns
 * 200; the API works through `neo4j://` routing (reads to readers, writes to the writer);
 * GraphQL Armor's refusals survive yoga's parse/validation cache.
 */
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createDriver } from '../src/db/create-driver.ts';
import { GraphReader } from '../src/graph/graph-reader.ts';
import { buildSchema } from '../src/graphql/build-schema.ts';
import { createGraphYoga, HOT_ROUNDS } from '../src/server/create-yoga.ts';
import { OperationLog } from '../src/server/operation-log.ts';
import { answerKnownRead } from '../src/server/serve-known-read.ts';
import { warmUp, warmUpQueries, type WarmUpResult } from '../src/server/warm-up.ts';
import { testNeo4j, useTestDriver } from './neo4j-context.ts';
import { loadTestSeeds } from './seed-helpers.ts';

const { driver, database } = useTestDriver();
beforeAll(() => loadTestSeeds(driver, database));

describe('warm start', () => {
  it('has one query per root field whose required arguments can be made up', () => {
    const schema = buildSchema();
    const queries = warmUpQueries(schema);
    const roots = Object.keys(schema.getQueryType()!.getFields());
    const asked = queries.map((q) => /^\{ (\w+)/.exec(q)?.[1]);
    expect(new Set(asked).size).toBe(queries.length);
    // Every root field is warmed (none today needs an input object to be asked).
    expect(asked.sort()).toEqual([...roots].sort());
  });

  it('answers every warm-up query within the request limits, then turns /ready to 200', async () => {
    let warmed: WarmUpResult | undefined;
    const yoga = createGraphYoga({
      driver,
      database,
      logging: false,
      onWarmedUp: (r) => (warmed = r),
    });
    // Not ready while warming (the warm-up takes several queries; the first check comes first).
    const early = await yoga.fetch('http://localhost/ready');
    if (!warmed) expect(early.status).toBe(503);
    const deadline = Date.now() + 150_000;
    while (!warmed && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(warmed?.failures).toEqual([]);
    expect(warmed?.queries).toBe(warmUpQueries(buildSchema()).length);
    expect((await yoga.fetch('http://localhost/ready')).status).toBe(200);
  }, 180_000);

  it('asks the given operations too, with their variables, before /ready turns 200', async () => {
    const asked: string[] = [];
    let warmed: WarmUpResult | undefined;
    const operation = {
      query: 'query One($id: ID!) { actor(id: $id) { name demandsMade { node { summary } } } }',
      operationName: 'One',
      variables: { id: 'pakistan' },
    };
    createGraphYoga({
      driver,
      database,
      logging: false,
      onQuery: (q) => asked.push(JSON.stringify(q.params)),
      warmUpOperations: [operation],
      onWarmedUp: (r) => (warmed = r),
    });
    const deadline = Date.now() + 60_000;
    while (!warmed && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(warmed?.failures).toEqual([]);
    expect(warmed?.queries).toBe(warmUpQueries(buildSchema()).length + 1);
    // Only the operation's variables name pakistan; the root-field shapes use placeholders.
    expect(asked.some((p) => p.includes('"pakistan"'))).toBe(true);
    expect(warmed?.slowest).toHaveLength(3);
  });

  it('asks each operation again through the hot path, neither counted nor remembered', async () => {
    const asked: string[] = [];
    let warmed = false;
    const operationLog = new OperationLog();
    const operation = {
      query: 'query Hot($id: ID!) { actor(id: $id) { name kind } }',
      operationName: 'Hot',
      variables: { id: 'afghanistan' },
    };
    const yoga = createGraphYoga({
      driver,
      database,
      logging: false,
      operationLog,
      onQuery: (q) => asked.push(JSON.stringify(q.params)),
      warmUpOperations: [operation],
      onWarmedUp: () => (warmed = true),
    });
    const deadline = Date.now() + 60_000;
    while (!warmed && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    // Once through yoga, then HOT_ROUNDS times through the hot path, before /ready.
    expect(asked.filter((p) => p.includes('"afghanistan"'))).toHaveLength(1 + HOT_ROUNDS);
    expect(yoga.hotPath?.stats).toEqual({ served: 0, answeredByYoga: 0, toYoga: 0 });
    expect(operationLog.top(10)).toEqual([]);
    const answer = await answerKnownRead(
      yoga.hotPath!,
      'application/json',
      undefined,
      JSON.stringify(operation),
    );
    expect('served' in answer && JSON.parse(answer.served.body)).toEqual({
      data: { actor: { name: 'Afghanistan', kind: expect.any(String) as unknown } },
    });
    expect(yoga.hotPath?.stats.served).toBe(1);
  });

  it('asks remembered operations only while the budget lasts, and the rest after /ready', async () => {
    const asked: string[] = [];
    let warmed: WarmUpResult | undefined;
    const remembered = ['pakistan', 'afghanistan', 'turkey'].map((id) => ({
      query: `query Remembered($id: ID!) { actor(id: $id) { name } }`,
      operationName: 'Remembered',
      variables: { id },
    }));
    const yoga = createGraphYoga({
      driver,
      database,
      logging: false,
      onQuery: (q) => asked.push(JSON.stringify(q.params)),
      rememberedOperations: remembered,
      warmUpBudgetMs: 0, // spent by the root fields: every remembered one waits for /ready
      onWarmedUp: (r) => (warmed = r),
    });
    const deadline = Date.now() + 60_000;
    while (!warmed && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(warmed?.queries).toBe(warmUpQueries(buildSchema()).length);
    expect(warmed?.deferred).toEqual(remembered);
    expect((await yoga.fetch('http://localhost/ready')).status).toBe(200);
    // After ready, one at a time, they are asked all the same.
    const askedFor = (id: string) => asked.some((p) => p.includes(`"${id}"`));
    while (!askedFor('turkey') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect(['pakistan', 'afghanistan', 'turkey'].every(askedFor)).toBe(true);
  });

  it('remembers the queries that succeeded — not failures, mutations, introspection or the warm-up', async () => {
    const operationLog = new OperationLog();
    let warmed = false;
    const yoga = createGraphYoga({
      driver,
      database,
      logging: false,
      operationLog,
      onWarmedUp: () => (warmed = true),
    });
    const deadline = Date.now() + 60_000;
    while (!warmed && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(operationLog.size).toBe(0);
    const post = (body: object) =>
      yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const good = {
      query: 'query Named($id: ID!) { actor(id: $id) { name } }',
      operationName: 'Named',
      variables: { id: 'afghanistan' },
    };
    expect((await post(good)).status).toBe(200);
    await post({ query: '{ connections(from: "no-such-actor", to: "none-either") { length } }' });
    await post({ query: '{ __schema { queryType { name } } }' });
    await post({ query: 'mutation { recordFacts(input: {}) { edit { id } } }' });
    expect(operationLog.top(10)).toEqual([good]);
  });

  it('counts refused and failing queries instead of throwing', async () => {
    const yoga = createGraphYoga({ driver, database, logging: false });
    const result = await warmUp(['{ nope }', '{ actors { totalCount } }'], (url, init) =>
      yoga.fetch(url, init),
    );
    expect(result).toMatchObject({ queries: 2, failed: 1 });
  });
});

describe('neo4j:// routing against one Neo4j 5 server', () => {
  const neo = testNeo4j();
  const routed = createDriver({ ...neo, uri: neo.uri.replace(/^bolt:/, 'neo4j:') });
  afterAll(() => routed.close());

  it('gets a routing table naming the server as router, reader and writer', async () => {
    expect(neo.uri.startsWith('bolt://') || neo.uri.startsWith('neo4j://')).toBe(true);
    const { records } = await routed.executeQuery(
      'CALL dbms.routing.getRoutingTable({}, $db) YIELD servers RETURN servers',
      { db: database ?? null },
      { database, routing: neo4j.routing.READ },
    );
    const roles = (records[0]!.get('servers') as { role: string }[]).map((s) => s.role).sort();
    expect(roles).toEqual(['READ', 'ROUTE', 'WRITE']);
  });

  it('serves GraphQL reads through the routing driver (READ routing) and writes to the writer', async () => {
    const yoga = createGraphYoga({ driver: routed, database, logging: false });
    const res = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ actors(first: 1) { totalCount } }' }),
    });
    const body = (await res.json()) as { data?: { actors: { totalCount: number } } };
    expect(body.data?.actors.totalCount).toBeGreaterThan(0);

    // A write through a READ-routed transaction is refused: reads really go to readers.
    const reader = new GraphReader({ driver: routed, database });
    await expect(
      reader.readRows({ cypher: 'CREATE (n:RoutingProbe) RETURN n', params: {} }),
    ).rejects.toThrow();
    const written = await routed.executeQuery(
      'CREATE (n:RoutingProbe) WITH n DELETE n RETURN 1 AS ok',
      {},
      { database, routing: neo4j.routing.WRITE },
    );
    expect(written.records[0]?.get('ok')).toBeDefined();
  });
});

describe("GraphQL Armor's checks with yoga's parse and validation cache", () => {
  it('refuses an over-limit query every time, and a cached valid query still answers', async () => {
    const yoga = createGraphYoga({ driver, database, logging: false });
    const post = async (query: string) =>
      (await (
        await yoga.fetch('http://localhost/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query }),
        })
      ).json()) as { data?: unknown; errors?: { message: string }[] };
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: actors { totalCount }`).join(' ');
    for (let i = 0; i < 3; i++) {
      const refused = await post(`{ ${aliases} }`);
      expect(refused.data).toBeUndefined();
      expect(refused.errors?.[0]?.message).toMatch(/alias/i);
      const ok = await post('{ actors(first: 1) { totalCount } }');
      expect(ok.errors).toBeUndefined();
    }
  });
});
