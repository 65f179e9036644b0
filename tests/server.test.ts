import { describe, expect, it } from 'vitest';

import { createDriver } from '../src/db/create-driver.ts';
import { createGraphYoga } from '../src/server/create-yoga.ts';
import { useTestDriver } from './neo4j-context.ts';

describe('the HTTP server', () => {
  const { driver, database } = useTestDriver();
  const yoga = createGraphYoga({ driver, database });

  it('answers { __typename } on /graphql', async () => {
    const res = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('reports liveness on /health and readiness on /ready while Neo4j answers', async () => {
    expect((await yoga.fetch('http://localhost/health')).status).toBe(200);
    expect((await yoga.fetch('http://localhost/ready')).status).toBe(200);
  });

  it('turns /ready to 503 when Neo4j does not answer', async () => {
    const dead = createDriver({
      uri: 'bolt://127.0.0.1:1',
      user: 'neo4j',
      password: 'x',
      database: undefined,
    });
    const down = createGraphYoga({ driver: dead, database: undefined });
    expect((await down.fetch('http://localhost/ready')).status).toBe(503);
    expect((await down.fetch('http://localhost/health')).status).toBe(200);
    await dead.close();
  });
});

describe('GraphiQL', () => {
  it('is served at GET /graphql with no asset from an external host', async () => {
    const yoga = createGraphYoga({
      driver: createDriver({
        uri: 'bolt://127.0.0.1:1',
        user: 'n',
        password: 'x',
        database: undefined,
      }),
      database: undefined,
      logging: false,
    });
    const res = await yoga.fetch('http://localhost/graphql', { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/graphiql/i);
    const external = [...html.matchAll(/(?:src|href)\s*=\s*["'](https?:)?\/\/[^"']+/g)].map(
      (m) => m[0],
    );
    expect(external).toEqual([]);
    expect(html).not.toMatch(/unpkg\.com|cdn\.jsdelivr|esm\.sh/);
  });
});
