/**
 * Request limits: every refusal has its own code, HTTP 400 under the GraphQL-over-HTTP
 * media type and no "Syntax Error:" prefix; the cost model lets ordinary work through
 * (README examples, first: 100 with three nested lists) and still refuses the bombs.
 */
import { describe, expect, it } from 'vitest';

import { LIMITS } from '../src/server/use-request-limits.ts';
import { useSeededApi } from './api-helpers.ts';
import { README_QUERIES } from './readme-queries.ts';

const { yoga, gql } = useSeededApi();

async function post(query: string) {
  const res = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
    },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as {
    data?: unknown;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
  return { status: res.status, body };
}

const nest = (depth: number): string =>
  depth === 0 ? 'id' : `demandsMade { node { madeBy { node { ${nest(depth - 1)} } } } }`;

const BOMBS: [string, string, string][] = [
  ['depth', `{ actor(id: "pakistan") { ${nest(4)} } }`, 'QUERY_TOO_DEEP'],
  [
    'aliases',
    `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: actor(id: "pakistan") { id }`).join(' ')} }`,
    'TOO_MANY_ALIASES',
  ],
  [
    'cost',
    `{ actors(first: 100) { edges { node { demandsMade { node { rejectedBy { node { meetingsMediated { node { parties { node { id name } } } } } } } } } } } }`,
    'QUERY_TOO_COSTLY',
  ],
  [
    'tokens',
    `{ ${Array.from({ length: 4100 }, () => '__typename').join(' ')} }`,
    'TOO_MANY_TOKENS',
  ],
  ['directives', `{ __typename ${'@skip(if: false) '.repeat(21)} }`, 'TOO_MANY_DIRECTIVES'],
];

describe('request limits', () => {
  it.each(BOMBS)(
    'refuses a %s bomb with its own code and HTTP 400, without a "Syntax Error:" prefix',
    async (_name, query, code) => {
      const { status, body } = await post(query);
      expect(status).toBe(400);
      expect(body.data).toBeUndefined();
      expect(body.errors?.[0]?.extensions?.code).toBe(code);
      expect(body.errors?.[0]?.message).not.toMatch(/Syntax Error/);
      expect(typeof body.errors?.[0]?.extensions?.limit).toBe('number');
    },
  );

  it('lets the incidents query with three nested lists at first: 100 through', async () => {
    const res = await gql(
      `{ incidents(first: 100) { edges { node { id blamed { node { id } blamedBy { id } evidence { quote source { id } } } during { node { id mediators { node { id } evidence { quote source { id } } } } } evidence { quote source { id } } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const edges = (res.data?.incidents as { edges: unknown[] }).edges;
    expect(edges.length).toBeGreaterThan(0);
  });

  it('lets lists of 100 with three levels of nesting through for every connection', async () => {
    for (const root of ['actors', 'demands', 'meetings', 'incidents', 'statements']) {
      const res = await gql(
        `{ ${root}(first: 100) { totalCount edges { cursor node { id evidence { quote source { id outlet byline } } } } } }`,
      );
      expect(res.errors, root).toBeUndefined();
    }
    const actors = await gql(
      `{ actors(first: 100) { edges { node { id name demandsMade { node { id summary rejectedBy { node { id name } reason evidence { quote source { id outlet } } } } evidence { quote source { id } } } } } } }`,
    );
    expect(actors.errors).toBeUndefined();
  });

  it('lets every README example through', async () => {
    for (const [name, query] of Object.entries(README_QUERIES)) {
      const res = await gql(query);
      expect(res.errors, name).toBeUndefined();
    }
  });

  it('states the limits it enforces', () => {
    expect(LIMITS).toMatchObject({ maxDepth: 12, maxAliases: 15, maxTokens: 4000 });
  });
});
