/**
 * Compiled execution (src/server/use-compiled-execution.ts) answers exactly what graphql-js
 * answers: each request below is sent to the API with it and without it, and the two
 * responses (status and body, errors included) must be equal. Alias-free read operations
 * run compiled; aliases below the root, introspection and mutations run on graphql-js.
 */
import { beforeAll, describe, expect, it } from 'vitest';

import { createGraphYoga } from '../src/server/create-yoga.ts';
import type { ExecutionCounts } from '../src/server/use-compiled-execution.ts';
import { QUESTIONS } from '../bench/questions.ts';
import { useTestDriver } from './neo4j-context.ts';
import { README_QUERIES } from './readme-queries.ts';
import { loadTestSeeds } from './seed-helpers.ts';

const { driver, database } = useTestDriver();
beforeAll(() => loadTestSeeds(driver, database));

const counts: ExecutionCounts = { compiled: 0, interpreted: 0 };
const compiled = createGraphYoga({ driver, database, logging: false, executionCounts: counts });
const interpreted = createGraphYoga({ driver, database, logging: false, compiledExecution: false });

interface Request {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

async function send(yoga: typeof compiled, request: Request) {
  const res = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(request),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

/** Sends `request` to both servers; returns the compiled one's response after comparing. */
async function same(request: Request, expected: 'compiled' | 'interpreted') {
  const before = { ...counts };
  const a = await send(compiled, request);
  const b = await send(interpreted, request);
  expect(a).toEqual(b);
  const ran = counts.compiled > before.compiled ? 'compiled' : 'interpreted';
  if (a.status === 200) expect({ request, ran }).toEqual({ request, ran: expected });
  return a;
}

const NODE_FRAGMENTS = `{
  missing: meeting(id: "geneva") { id }
  node(id: "spin-boldak-shelling") { __typename id evidence { source { id } } ... on Incident { killed kind date { text } } ... on Actor { name } }
  claim: node(id: "istanbul-round-third") { __typename ... on Claim { property value subject { __typename id } } }
  position: node(id: "qatar-favours-afghanistan") { __typename ... on Position { stance } }
}`;

describe('compiled execution', () => {
  it.each(Object.entries(README_QUERIES))(
    'answers the README query %s as graphql-js',
    async (_, q) => {
      await same({ query: q }, 'compiled');
    },
  );

  it.each(QUESTIONS.map((q) => [q.id, q.ours]))(
    'answers the benchmark question %s as graphql-js',
    async (_, q) => {
      await same({ query: q }, 'compiled');
    },
  );

  it('answers interfaces, inline fragments, root aliases, enums and nulls as graphql-js', async () => {
    const res = await same({ query: NODE_FRAGMENTS }, 'compiled');
    expect(res.status).toBe(200);
    await same(
      {
        query: `{ actor(id: "turkey") { __typename id name kind aliases
          positions { type node { id stance on { id } actor { id } evidence { voice framing source { id } } } } } }`,
      },
      'compiled',
    );
    await same(
      {
        query: `{ demands(filter: { issue: [SECURITY] }, first: 3) { totalCount
          pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          edges { cursor node { id issue madeBy { node { id kind } } } } } }`,
      },
      'compiled',
    );
    await same({ query: '{ __typename }' }, 'compiled');
  });

  it('honours @include and @skip, on fields and on fragment spreads, per variable value', async () => {
    const field =
      'query A($id: ID!, $kind: Boolean!) { actor(id: $id) { id name kind @include(if: $kind) } }';
    const spread = `query B($s: Boolean!) { actor(id: "qatar") { id ...F @skip(if: $s) ... @include(if: $s) { kind } } }
      fragment F on Actor { name meetingsMediated { role node { id } } }`;
    for (const flag of [true, false]) {
      await same({ query: field, variables: { id: 'qatar', kind: flag } }, 'compiled');
      await same({ query: spread, variables: { s: flag } }, 'compiled');
    }
  });

  it('uses variables’ default values, of nullable and non-null variables, enums included', async () => {
    await same(
      {
        query:
          'query ($id: ID! = "qatar", $k: Boolean = true) { actor(id: $id) { name kind @include(if: $k) } }',
      },
      'compiled',
    );
    await same(
      {
        query:
          'query ($i: [Issue!]! = [SECURITY], $n: Int = 2) { demands(filter: { issue: $i }, first: $n) { totalCount edges { node { id issue } } } }',
        variables: { n: 3 },
      },
      'compiled',
    );
    const res = await same(
      {
        query:
          'query Search($text: String! = "buffer zone") { search(text: $text, first: 3) { node { id } } }',
      },
      'compiled',
    );
    expect(JSON.stringify(res.body)).toContain('durand-line-buffer-zone');
  });

  it('runs the operation named by operationName, each of a document’s operations in turn', async () => {
    const query = `query One { actor(id: "qatar") { name } } query Two { actor(id: "turkey") { id kind } }`;
    const two = await same({ query, operationName: 'Two' }, 'compiled');
    const one = await same({ query, operationName: 'One' }, 'compiled');
    expect(two.body).toEqual({ data: { actor: { id: 'turkey', kind: 'STATE' } } });
    expect(one.body).toEqual({ data: { actor: { name: 'Qatar' } } });
  });

  it('leaves aliases below the root and introspection to graphql-js, with the same answers', async () => {
    await same(
      {
        query: `{ actor(id: "qatar") { a: meetingsMediated { node { id } } b: meetingsMediated { role } } }`,
      },
      'interpreted',
    );
    await same({ query: '{ __schema { queryType { name } } }' }, 'interpreted');
    await same({ query: '{ __type(name: "Actor") { name kind } }' }, 'interpreted');
  });

  it('answers errors as graphql-js: variables, arguments, unknown names, limits', async () => {
    await same({ query: 'query ($id: ID!) { actor(id: $id) { id } }', variables: {} }, 'compiled');
    await same(
      { query: 'query ($n: Int) { actors(first: $n) { totalCount } }', variables: { n: 'x' } },
      'compiled',
    );
    await same({ query: '{ actors(first: 1000) { totalCount } }' }, 'compiled');
    await same(
      { query: '{ demands(filter: { madeBy: "nobody-at-all" }) { totalCount } }' },
      'compiled',
    );
    // Refused by validation: never executed, so counted on neither side.
    await same({ query: '{ actor(id: "qatar") { nope } }' }, 'interpreted');
  });
});
