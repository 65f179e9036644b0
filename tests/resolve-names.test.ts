/** Arguments that name a node accept its id, name or alias, case- and accent-insensitively. */
import { describe, expect, it } from 'vitest';

import { foldName } from '../src/resolve/fold-name.ts';
import { useSeededApi } from './api-helpers.ts';

describe('foldName', () => {
  it('ignores case, accents and punctuation', () => {
    expect(foldName('Erdoğan')).toBe(foldName('ERDOGAN'));
    expect(foldName('recep-tayyip-erdogan')).toBe(foldName('Recep Tayyip Erdoğan'));
    expect(foldName('Kabul')).not.toBe(foldName('Kabal'));
  });
});

describe('name arguments', () => {
  const { gql, queries } = useSeededApi();

  it('resolves an alias in a filter: madeBy "Islamabad" is Pakistan', async () => {
    const byId = await gql('{ demands(filter: { madeBy: "pakistan" }) { totalCount } }');
    const byAlias = await gql('{ demands(filter: { madeBy: "Islamabad" }) { totalCount } }');
    const byName = await gql('{ demands(filter: { madeBy: "PAKISTAN" }) { totalCount } }');
    expect((byId.data?.demands as { totalCount: number }).totalCount).toBeGreaterThan(0);
    expect(byAlias.data).toEqual(byId.data);
    expect(byName.data).toEqual(byId.data);
  });

  it('asks one query when the argument is an id', async () => {
    await gql(
      '{ demands(filter: { madeBy: "pakistan", rejectedBy: "afghanistan" }) { totalCount } }',
    );
    expect(queries).toHaveLength(1);
  });

  it('resolves "Erdogan" without its accent, in timeline and in a lookup', async () => {
    const timeline = await gql('{ timeline(actor: "Erdogan") { node { id } } }');
    const byId = await gql('{ timeline(actor: "recep-tayyip-erdogan") { node { id } } }');
    expect((byId.data?.timeline as unknown[]).length).toBeGreaterThan(0);
    expect(timeline.data).toEqual(byId.data);
    const actor = await gql('{ actor(id: "erdogan") { id } }');
    expect(actor.data?.actor).toEqual({ id: 'recep-tayyip-erdogan' });
  });

  it('resolves "Kabul" to Afghanistan', async () => {
    const res = await gql('{ demandStats(actor: "Kabul") { actor { id } } }');
    expect(res.errors).toBeUndefined();
    expect(res.data?.demandStats).not.toEqual([]);
  });

  it('refuses an unknown name with BAD_USER_INPUT listing the closest matches', async () => {
    const res = await gql('{ timeline(actor: "Pakistn") { node { id } } }');
    expect(res.data).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(
      /Nothing is named "Pakistn"\. Closest: Pakistan \(pakistan\)/,
    );
    const nope = await gql('{ timeline(actor: "nope") { node { id } } }');
    expect(nope.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('finds "Erdogan" in full-text search (accents folded)', async () => {
    const res = await gql('{ search(text: "Erdogan") { node { id } } }');
    const ids = (res.data?.search as { node: { id: string } }[]).map((h) => h.node.id);
    expect(ids).toContain('recep-tayyip-erdogan');
  });
});
