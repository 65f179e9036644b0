/**
 * The translation cache (src/translate/translation-cache.ts) in the running API: a repeated
 * request is answered from it with the same Cypher; a different selection, other variable
 * values or a variable that flips @include never reuse another request's entry; it stays
 * within its bound, evicting the least recently used.
 */
import { beforeAll, describe, expect, it } from 'vitest';

import { createGraphYoga } from '../src/server/create-yoga.ts';
import { TranslationCache } from '../src/translate/translation-cache.ts';
import type { CypherQuery } from '../src/translate/translation-context.ts';
import { useTestDriver } from './neo4j-context.ts';
import { loadTestSeeds } from './seed-helpers.ts';

const { driver, database } = useTestDriver();
beforeAll(() => loadTestSeeds(driver, database));

function api(translations: TranslationCache) {
  const queries: CypherQuery[] = [];
  const yoga = createGraphYoga({
    driver,
    database,
    logging: false,
    translations,
    onQuery: (q) => queries.push(q),
  });
  const ask = async (query: string, variables?: Record<string, unknown>) => {
    const res = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return { data: body.data, cypher: queries.at(-1)! };
  };
  return ask;
}

const ACTOR =
  'query A($id: ID!, $kind: Boolean!) { actor(id: $id) { id name kind @include(if: $kind) } }';

describe('translation cache', () => {
  it('answers a repeated request from the cache with the same Cypher and answer', async () => {
    const cache = new TranslationCache();
    const ask = api(cache);
    const first = await ask(ACTOR, { id: 'pakistan', kind: true });
    expect(cache).toMatchObject({ hits: 0, misses: 1 });
    const again = await ask(ACTOR, { id: 'pakistan', kind: true });
    expect(cache).toMatchObject({ hits: 1, misses: 1 });
    expect(again).toEqual(first);
    expect(first.data).toMatchObject({ actor: { id: 'pakistan' } });
    expect(typeof (first.data!.actor as { kind: unknown }).kind).toBe('string');
  });

  it('never gives other variable values, a flipped @include or another selection a shared entry', async () => {
    const cache = new TranslationCache();
    const ask = api(cache);
    const pakistan = await ask(ACTOR, { id: 'pakistan', kind: true });
    const afghanistan = await ask(ACTOR, { id: 'afghanistan', kind: true });
    expect(afghanistan.data).toMatchObject({ actor: { id: 'afghanistan' } });
    // Same text (Neo4j plans it once), other parameters.
    expect(afghanistan.cypher.cypher).toBe(pakistan.cypher.cypher);
    expect(afghanistan.cypher.params).not.toEqual(pakistan.cypher.params);

    const noKind = await ask(ACTOR, { id: 'pakistan', kind: false });
    const { name } = pakistan.data!.actor as { name: string };
    expect(noKind.data).toEqual({ actor: { id: 'pakistan', name } });
    expect(noKind.cypher.cypher).not.toBe(pakistan.cypher.cypher);

    const other = await ask('{ actor(id: "pakistan") { id aliases } }');
    expect(Object.keys(other.data!.actor ?? {})).toEqual(['id', 'aliases']);
    expect(cache).toMatchObject({ hits: 0, misses: 4, size: 4 });

    // The same document text in a new request is the same parsed document: a hit.
    await ask('{ actor(id: "pakistan") { id aliases } }');
    expect(cache).toMatchObject({ hits: 1, misses: 4 });
  });

  it('keeps at most its bound, evicting the least recently used entry', async () => {
    const cache = new TranslationCache(2);
    const ask = api(cache);
    await ask(ACTOR, { id: 'pakistan', kind: true }); // a
    await ask(ACTOR, { id: 'afghanistan', kind: true }); // b
    await ask(ACTOR, { id: 'pakistan', kind: true }); // a again: a hit, now the youngest
    await ask(ACTOR, { id: 'turkey', kind: true }); // c evicts b
    expect(cache).toMatchObject({ size: 2, hits: 1, misses: 3 });
    await ask(ACTOR, { id: 'pakistan', kind: true });
    expect(cache.hits).toBe(2);
    await ask(ACTOR, { id: 'afghanistan', kind: true });
    expect(cache).toMatchObject({ size: 2, hits: 2, misses: 4 });
  });
});
