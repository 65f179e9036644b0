/**
 * The hot path of repeated reads (src/server/serve-known-read.ts) answers exactly what yoga
 * answers. Each request goes over a real socket to two listeners on the same API — one with
 * the hot path, one without — after the API has seen the request once; status, headers
 * (but the date) and body must be byte for byte equal, and the hot path's counters must
 * show who answered.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { KeyStore } from '../src/auth/key-store.ts';
import { createRequestListener } from '../src/server/create-request-listener.ts';
import { createGraphYoga, type GraphYoga } from '../src/server/create-yoga.ts';
import { OperationLog, readOperationsFile } from '../src/server/operation-log.ts';
import { useTestDriver } from './neo4j-context.ts';
import { README_QUERIES } from './readme-queries.ts';
import { loadTestSeeds } from './seed-helpers.ts';

const { driver, database } = useTestDriver();
const servers: Server[] = [];
const ALLOWED = 'https://analysts.example.org';

interface Pair {
  yoga: GraphYoga;
  hot: string;
  plain: string;
}

async function listen(yoga: GraphYoga, hotPath: boolean): Promise<string> {
  const server = createServer(createRequestListener(yoga, { hotPath }));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

async function pair(yoga: GraphYoga): Promise<Pair> {
  return { yoga, hot: await listen(yoga, true), plain: await listen(yoga, false) };
}

const log = new OperationLog();
let open: Pair;
let closed: Pair;
let cors: Pair;
let readerKey = '';

beforeAll(async () => {
  await loadTestSeeds(driver, database);
  open = await pair(createGraphYoga({ driver, database, logging: false, operationLog: log }));
  closed = await pair(
    createGraphYoga({
      driver,
      database,
      logging: false,
      auth: { readsRequireKey: true, writesPerMinute: 60 },
    }),
  );
  cors = await pair(createGraphYoga({ driver, database, logging: false, corsOrigins: [ALLOWED] }));
  readerKey = (await new KeyStore(driver, database).create(`hot-path-${Date.now()}`, 'reader')).key;
}, 120_000);

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  await driver.executeQuery(
    'MATCH (k:ApiKey) WHERE k.name STARTS WITH "hot-path-" DELETE k',
    {},
    {
      database,
    },
  );
});

interface Sent {
  body: string;
  headers?: Record<string, string>;
}

async function send(url: string, { body, headers = {} }: Sent) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const seen = [...res.headers].filter(([name]) => name !== 'date');
  return { status: res.status, headers: seen, body: await res.text() };
}

type Outcome = 'served' | 'answeredByYoga' | 'toYoga';

/**
 * Sends `request` to the listener without the hot path (so the API has seen it), then to
 * the one with it; both answers must be equal, and the hot path must have done `expected`.
 */
async function same(on: Pair, request: Sent, expected: Outcome | 'bypassed') {
  const plain = await send(on.plain, request);
  const stats = on.yoga.hotPath!.stats;
  const before = { ...stats };
  const hot = await send(on.hot, request);
  expect(hot).toEqual(plain);
  const outcome =
    (Object.keys(before) as Outcome[]).find((k) => stats[k] > before[k]) ?? 'bypassed';
  expect({ body: request.body, outcome }).toEqual({ body: request.body, outcome: expected });
  return hot;
}

const body = (query: string, rest: Record<string, unknown> = {}) =>
  JSON.stringify({ query, ...rest });

describe('the hot path of repeated reads', () => {
  it.each(Object.entries(README_QUERIES))(
    'serves the README query %s as yoga does',
    async (_, q) => {
      const res = await same(open, { body: body(q) }, 'served');
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toHaveProperty('data');
    },
  );

  it.each([
    [undefined, 'served'],
    ['*/*', 'served'],
    ['application/json', 'served'],
    ['application/graphql-response+json', 'served'],
    ['application/graphql-response+json, application/json;q=0.9', 'served'],
    ['application/json; charset=utf-8', 'served'],
    ['application/json; charset=latin1', 'toYoga'],
    ['text/event-stream', 'toYoga'],
    ['text/event-stream, application/json', 'served'],
    ['application/*', 'served'],
    ['multipart/mixed', 'toYoga'],
    ['application/xml', 'toYoga'],
  ] as const)('answers Accept %s as yoga does', async (accept, expected) => {
    const request: Sent = {
      body: body('{ actor(id: "pakistan") { name } }'),
      headers: accept === undefined ? {} : { accept },
    };
    await same(open, request, expected);
  });

  it('gives an answer with errors to yoga, which formats it without running it again', async () => {
    const query = 'query ($who: ID!) { demands(filter: { madeBy: $who }) { totalCount } }';
    const res = await same(
      open,
      { body: body(query, { variables: { who: 'no-such-actor' } }) },
      'answeredByYoga',
    );
    expect(JSON.parse(res.body)).toMatchObject({
      errors: [{ extensions: { code: 'BAD_USER_INPUT' } }],
    });
    await same(open, { body: body(query, { variables: { who: 'pakistan' } }) }, 'served');
  });

  it('lets yoga refuse variables graphql-js refuses, and bodies it does not know', async () => {
    const query = 'query ($id: ID!) { actor(id: $id) { name } }';
    await same(open, { body: body(query, { variables: { id: 'pakistan' } }) }, 'served');
    await same(open, { body: body(query, { variables: {} }) }, 'toYoga');
    await same(open, { body: body(query, { variables: { id: 7.5 } }) }, 'toYoga');
    await same(open, { body: body(query, { variables: [] }) }, 'toYoga');
    await same(open, { body: body(query, { extensions: {} }) }, 'toYoga');
    await same(open, { body: '{"query": ' }, 'toYoga');
    await same(open, { body: '[]' }, 'toYoga');
  });

  it('runs the operation the request names', async () => {
    const doc = 'query A { actor(id: "pakistan") { name } } query B { actor(id: "qatar") { id } }';
    const a = await same(open, { body: body(doc, { operationName: 'A' }) }, 'served');
    const b = await same(open, { body: body(doc, { operationName: 'B' }) }, 'served');
    expect(a.body).not.toEqual(b.body);
    await same(open, { body: body(doc) }, 'toYoga');
  });

  it('checks the key of every request when reads need one', async () => {
    const q = body('{ actor(id: "pakistan") { name } }');
    const withKey = await same(
      closed,
      { body: q, headers: { authorization: `Bearer ${readerKey}` } },
      'served',
    );
    expect(withKey.status).toBe(200);
    const without = await same(closed, { body: q }, 'toYoga');
    expect(without.status).toBe(401);
    const bad = await same(
      closed,
      { body: q, headers: { authorization: 'Bearer nope' } },
      'toYoga',
    );
    expect(bad.status).toBe(401);
  });

  it('leaves cross-origin requests to yoga when CORS is on, and serves same-origin ones', async () => {
    const q = body('{ actor(id: "pakistan") { name } }');
    const res = await same(cors, { body: q, headers: { origin: ALLOWED } }, 'bypassed');
    expect(res.headers).toContainEqual(['access-control-allow-origin', ALLOWED]);
    await same(cors, { body: q }, 'served');
  });

  it('notes its successes in the operation log, as yoga does', async () => {
    const query = '{ actor(id: "afghanistan") { name } }';
    await same(open, { body: body(query) }, 'served');
    await send(open.hot, { body: body(query) });
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hot-path-'));
    try {
      await log.save(path.join(dir, 'log.json'));
      const saved = (await readOperationsFile(path.join(dir, 'log.json'))).find(
        (op) => op.query === query,
      );
      expect(saved?.count).toBe(3); // once through yoga, twice on the hot path
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});
