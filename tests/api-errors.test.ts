/** Errors clients see: validation, limits, bad input, masked internals, database down. */
import { describe, expect, it } from 'vitest';

import { createDriver } from '../src/db/create-driver.ts';
import { createGraphYoga } from '../src/server/create-yoga.ts';
import { testNeo4j } from './neo4j-context.ts';
import { useSeededApi } from './api-helpers.ts';

const { gql } = useSeededApi();

describe('request errors', () => {
  it('answers an invalid query with a GraphQL validation error naming the field', async () => {
    const res = await gql(`{ actor(id: "pakistan") { nickname } }`);
    expect(res.errors?.[0]?.message).toMatch(/Cannot query field "nickname" on type "Actor"/);
  });

  it('refuses a page larger than 100 and a forged cursor with BAD_USER_INPUT', async () => {
    const big = await gql(`{ actors(first: 500) { totalCount } }`);
    expect(big.errors?.[0]).toMatchObject({
      message: 'first must be between 0 and 100 (got 500)',
      extensions: { code: 'BAD_USER_INPUT', argument: 'first' },
    });
    const forged = await gql(`{ actors(after: "bm9wZQ") { totalCount } }`);
    expect(forged.errors?.[0]?.message).toMatch(
      /after: 'bm9wZQ' is not a cursor issued by this API/,
    );
    const path = await gql(`{ connections(from: "pakistan", to: "ttp", maxLength: 9) { length } }`);
    expect(path.errors?.[0]?.message).toBe('maxLength must be between 1 and 6 (got 9)');
  });

  it('refuses queries past the depth, alias and cost limits, each with its own message', async () => {
    const deep = await gql(
      `{ actor(id: "x") { demandsMade { node { madeBy { node { demandsMade { node { madeBy { node { demandsMade { node { madeBy { node { id } } } } } } } } } } } } } }`,
    );
    expect(deep.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^Query depth limit of 12 exceeded/) as unknown,
      extensions: { code: 'QUERY_TOO_DEEP', limit: 12 },
    });
    const aliases = Array.from(
      { length: 20 },
      (_, i) => `a${i}: actor(id: "pakistan") { id }`,
    ).join(' ');
    const many = await gql(`{ ${aliases} }`);
    expect(many.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^Aliases limit of 15 exceeded/) as unknown,
      extensions: { code: 'TOO_MANY_ALIASES', limit: 15, found: 20 },
    });
    const wide = Array.from(
      { length: 14 },
      (_, i) =>
        `b${i}: actors(first: 100) { edges { node { demandsMade { node { rejectedBy { node { meetingsMediated { node { parties { node { id name } } } } } } } } } } }`,
    ).join(' ');
    const costly = await gql(`{ ${wide} }`);
    expect(costly.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^Query cost limit of 250000 exceeded/) as unknown,
      extensions: { code: 'QUERY_TOO_COSTLY', limit: 250000 },
    });
  });
});

describe('server errors', () => {
  it('masks unexpected errors and gives them a code', async () => {
    const neo = testNeo4j();
    const driver = createDriver(neo);
    const yoga = createGraphYoga({ driver, database: 'no-such-database', logging: false });
    const res = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ actor(id: "pakistan") { id } }' }),
    });
    const body = (await res.json()) as {
      errors: { message: string; extensions: { code: string } }[];
    };
    expect(body.errors[0]).toMatchObject({
      message: 'Unexpected error.',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(JSON.stringify(body)).not.toMatch(/no-such-database|Neo4j/);
    await driver.close();
  });

  it('answers DATABASE_UNAVAILABLE (503) when Neo4j is down, and /ready turns 503', async () => {
    const driver = createDriver({
      uri: 'bolt://127.0.0.1:1',
      user: 'neo4j',
      password: 'x',
      database: undefined,
    });
    const yoga = createGraphYoga({ driver, database: undefined, logging: false });
    const res = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: '{ actor(id: "pakistan") { id } }' }),
    });
    const body = (await res.json()) as {
      errors: { message: string; extensions: { code: string } }[];
    };
    expect(body.errors[0]).toMatchObject({
      message: 'The graph database is unavailable; try again shortly.',
      extensions: { code: 'DATABASE_UNAVAILABLE' },
    });
    expect(res.status).toBe(503);
    expect((await yoga.fetch('http://localhost/ready')).status).toBe(503);
    await driver.close();
  }, 30_000);
});
