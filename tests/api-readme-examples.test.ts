/**
 * The three questions the README answers, each in one GraphQL query that runs one Cypher
 * query per root field.
 */
import { describe, expect, it } from 'vitest';

import { useSeededApi } from './api-helpers.ts';
import { README_QUERIES } from './readme-queries.ts';

const { gql, queries } = useSeededApi({ queryTimeoutMs: 90_000 });

interface Edge<T> {
  node: T;
  evidence: { quote: string; source: { id: string } }[];
  role?: string | null;
  reason?: string | null;
  blamedBy?: { name: string } | null;
}

describe('README example queries', () => {
  it('answers which of Pakistan’s demands Afghanistan rejected, where, mediated by whom, per which reports', async () => {
    const res = await gql(README_QUERIES.rejectedDemands);
    expect(res.errors).toBeUndefined();
    expect(queries).toHaveLength(1);
    const demands = res.data?.demands as {
      totalCount: number;
      edges: { node: Record<string, unknown> }[];
    };
    const byId = new Map(demands.edges.map((e) => [e.node.id as string, e.node]));
    expect(demands.totalCount).toBe(byId.size);
    expect([...byId.keys()]).toEqual(
      expect.arrayContaining([
        'durand-line-buffer-zone',
        'relocate-ttp-to-afghanistan',
        'guarantee-pakistan-internal-security',
        'written-agreement',
      ]),
    );
    const buffer = byId.get('durand-line-buffer-zone') as {
      rejectedBy: Edge<{ name: string }>[];
      raisedAt: Edge<{ name: string; mediators: Edge<{ name: string }>[] }>[];
    };
    expect(buffer.rejectedBy[0]?.node.name).toBe('Afghanistan');
    expect(buffer.rejectedBy[0]?.evidence[0]).toMatchObject({ source: { id: 'report-000' } });
    expect(buffer.rejectedBy[0]?.evidence[0]?.quote).toMatch(
      /categorically dismissed these demands/,
    );
    expect(buffer.raisedAt[0]?.node.mediators.map((m) => m.node.name)).toEqual([
      'Qatar',
      'Saudi Arabia',
      'Turkey',
    ]);
    const relocation = byId.get('relocate-ttp-to-afghanistan') as typeof buffer;
    expect(relocation.raisedAt[0]?.node.name).toBe('Istanbul talks');
    expect(relocation.raisedAt[0]?.node.mediators.map((m) => m.node.name)).toEqual([
      'Qatar',
      'Turkey',
    ]);
  });

  it('answers which incidents happened within 7 days of a meeting, who is blamed and who reported them', async () => {
    const res = await gql(README_QUERIES.incidentsNearMeetings);
    expect(res.errors).toBeUndefined();
    expect(queries).toHaveLength(1);
    const edges = (res.data?.incidents as { edges: { node: Record<string, unknown> }[] }).edges;
    const ids = edges.map((e) => e.node.id);
    // Report-003 does not time the Wardag shelling ("In a separate incident…").
    expect(ids).toEqual(['durand-line-gunfire', 'spin-boldak-shelling']);
    // "last month's deadly border clashes" are not established as within 7 days.
    expect(ids).not.toContain('deadly-border-clashes');
    const spin = edges[1]?.node as {
      blamed: Edge<{ name: string }>[];
      killed: number;
      evidence: Edge<unknown>['evidence'];
    };
    expect(spin.killed).toBe(5);
    // Blamed "according to Afghan provincial sources": a voice, not Afghanistan's own charge.
    expect(spin.blamed[0]).toMatchObject({ node: { name: 'Pakistan Army' }, blamedBy: null });
    expect(spin.evidence.map((e) => e.source.id)).toContain('report-003');
  });

  it('answers which mediators took part in meetings where a demand about the TTP was raised', async () => {
    const res = await gql(README_QUERIES.ttpMediators);
    expect(res.errors).toBeUndefined();
    expect(queries).toHaveLength(1);
    const demands = (
      res.data?.actor as {
        demandsAbout: Edge<{
          raisedAt: Edge<{ id: string; mediators: Edge<{ name: string }>[] }>[];
        }>[];
      }
    ).demandsAbout;
    const mediators = new Set(
      demands.flatMap((d) =>
        d.node.raisedAt.flatMap((m) => m.node.mediators.map((x) => x.node.name)),
      ),
    );
    expect([...mediators].sort()).toEqual(['Qatar', 'Saudi Arabia', 'Turkey']);
    for (const d of demands) expect(d.evidence.length).toBeGreaterThan(0);
  });

  it('answers in what order Turkey’s events came, each placed by the words of a report', async () => {
    const res = await gql(README_QUERIES.turkeyTimeline);
    expect(res.errors).toBeUndefined();
    expect(queries).toHaveLength(1);
    const entries = res.data?.timeline as {
      rank: number | null;
      rankEnd: number | null;
      node: { id: string };
      placedBy: { evidence: { quote: string }[] }[];
    }[];
    const at = (id: string) => entries.find((e) => e.node.id === id)!;
    expect(at('baku-meeting').rank!).toBeGreaterThan(at('istanbul-talks').rankEnd!);
    for (const e of entries.filter((x) => (x.rank ?? 0) > 0))
      expect(e.placedBy.flatMap((l) => l.evidence).length, e.node.id).toBeGreaterThan(0);
  });

  it('answers how Turkey’s role changed, as positions in order', async () => {
    const res = await gql(README_QUERIES.turkeyRoles);
    expect(res.errors).toBeUndefined();
    expect(queries).toHaveLength(1);
    const list = res.data?.positions as {
      rank: number | null;
      position: { stance: string; on: { id: string } };
    }[];
    const rank = (stance: string, on: string) =>
      list.find((p) => p.position.stance === stance && p.position.on.id === on)?.rank;
    expect(rank('WITHDREW', 'facilitated-rounds')!).toBeGreaterThan(
      rank('FACILITATOR', 'facilitated-rounds')!,
    );
  });

  it('answers where reports contradict each other without a hand-written claim', async () => {
    const res = await gql(README_QUERIES.computedDisagreements);
    expect(res.errors).toBeUndefined();
    expect(queries).toHaveLength(1);
    const list = res.data?.disagreements as { rule: string; subject: { id: string } }[];
    expect(list).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: 'STANCES', subject: { id: 'afghanistan' } }),
        expect.objectContaining({ rule: 'SIDES', subject: { id: 'qatar' } }),
      ]),
    );
  });
});
