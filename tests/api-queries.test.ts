/** Each root field of the API against the seeded graph, and the one-query-per-root-field rule. */
import { describe, expect, it } from 'vitest';

import { useSeededApi } from './api-helpers.ts';

const { gql, queries } = useSeededApi({ queryTimeoutMs: 90_000 });

describe('fetch by id', () => {
  it('returns an actor with its relationships in both directions and provenance on every edge', async () => {
    const res = await gql(`{
      actor(id: "khawaja-asif") {
        name kind role aliases
        represents { node { id } role evidence { quote source { id } } }
        statements { node { id kind } }
        evidence { source { id } }
      }
      pakistan: actor(id: "pakistan") { representedBy { node { id } role } }
    }`);
    expect(res.errors).toBeUndefined();
    const asif = res.data?.actor as Record<string, unknown>;
    expect(asif).toMatchObject({
      name: 'Khawaja Muhammad Asif',
      kind: 'PERSON',
      role: 'Defence Minister of Pakistan',
    });
    expect(asif.represents).toEqual([
      expect.objectContaining({
        node: { id: 'pakistan' },
        role: 'Defence Minister',
        evidence: expect.arrayContaining<unknown>([
          expect.objectContaining({ source: { id: 'report-001' } }),
        ]) as unknown,
      }),
    ]);
    expect((asif.statements as { node: { kind: string } }[]).map((s) => s.node.kind)).toContain(
      'THREAT',
    );
    const reps = (
      res.data?.pakistan as { representedBy: { node: { id: string } }[] }
    ).representedBy.map((r) => r.node.id);
    expect(reps).toEqual(['khawaja-asif', 'pakistan-army', 'shehbaz-sharif']);
  });

  it('returns null for an unknown id, and any node through the Node interface with fragments', async () => {
    const res = await gql(`{
      missing: meeting(id: "geneva") { id }
      node(id: "spin-boldak-shelling") { __typename id evidence { source { id } } ... on Incident { killed kind date { text } } ... on Actor { name } }
      claim: node(id: "istanbul-round-third") { __typename ... on Claim { property value subject { __typename id } } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data?.missing).toBeNull();
    expect(res.data?.node).toEqual({
      __typename: 'Incident',
      id: 'spin-boldak-shelling',
      evidence: expect.any(Array) as unknown,
      killed: 5,
      kind: 'SHELLING',
      date: null,
    });
    expect(res.data?.claim).toEqual({
      __typename: 'Claim',
      property: 'round',
      value: 'third round',
      subject: { __typename: 'Meeting', id: 'istanbul-talks' },
    });
  });

  it('keeps a date’s precision and its anchor report', async () => {
    const res = await gql(
      `{ meeting(id: "doha-ceasefire-signing") { date { text precision relativeTo { id } } } }`,
    );
    expect(res.data?.meeting).toEqual({
      date: { text: 'October', precision: 'MONTH', relativeTo: { id: 'report-004' } },
    });
  });

  it('serves two aliases of one field with different selections', async () => {
    const res = await gql(
      `{ actor(id: "qatar") { a: meetingsMediated { node { id } } b: meetingsMediated { role } } }`,
    );
    const actor = res.data?.actor as { a: { node: { id: string } }[]; b: { role: string }[] };
    expect(actor.a.map((x) => x.node.id)).toEqual([
      'doha-ceasefire-signing',
      'facilitated-rounds',
      'istanbul-talks',
    ]);
    expect(actor.b.map((x) => x.role)).toEqual(['broker', 'facilitator', 'mediator']);
  });
});

describe('lists', () => {
  it('filter actors by name or alias and by kind, with totalCount', async () => {
    const res = await gql(`{
      byAlias: actors(filter: { name: "kabul" }) { totalCount edges { node { id } } }
      persons: actors(filter: { kind: [PERSON] }, orderBy: { field: NAME, direction: DESC }) { totalCount edges { node { name } } }
    }`);
    expect(res.data?.byAlias).toEqual({ totalCount: 1, edges: [{ node: { id: 'afghanistan' } }] });
    const persons = res.data?.persons as {
      totalCount: number;
      edges: { node: { name: string } }[];
    };
    expect(persons.totalCount).toBe(4);
    expect(persons.edges.map((e) => e.node.name)).toEqual([
      'Zabihullah Mujahid',
      'Shehbaz Sharif',
      'Recep Tayyip Erdoğan',
      'Khawaja Muhammad Asif',
    ]);
  });

  it('paginate with cursors: pages do not overlap and together hold totalCount items', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 10; page++) {
      const res = await gql(
        `query($after: String) { demands(first: 5, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      const conn = res.data?.demands as {
        totalCount: number;
        edges: { node: { id: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
      total = conn.totalCount;
      seen.push(...conn.edges.map((e) => e.node.id));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(total).toBe(17);
    expect(seen).toHaveLength(17);
    expect(new Set(seen).size).toBe(17);
    expect(seen).toEqual([...seen].sort());
  });

  it('filter demands by issue, addressee and report; meetings by mediator; statements by speaker', async () => {
    const res = await gql(`{
      sovereignty: demands(filter: { issue: [SOVEREIGNTY], addressedTo: "pakistan" }) { edges { node { id } } }
      fromReport1: demands(filter: { source: "report-001" }) { totalCount }
      saudi: meetings(filter: { mediator: "saudi-arabia" }) { edges { node { id } } }
      threats: statements(filter: { statedBy: "khawaja-asif", kind: [THREAT] }) { edges { node { id } } }
      blamedPakistan: incidents(filter: { blamed: "pakistan" }) { edges { node { id } } }
    }`);
    expect(res.errors).toBeUndefined();
    const ids = (k: string) =>
      (res.data?.[k] as { edges: { node: { id: string } }[] }).edges.map((e) => e.node.id);
    expect(ids('sovereignty')).toEqual(['cease-airspace-violations', 'end-us-drone-support']);
    expect((res.data?.fromReport1 as { totalCount: number }).totalCount).toBe(4);
    expect(ids('saudi')).toEqual(['facilitated-rounds']);
    expect(ids('threats')).toEqual(['respond-in-kind-threat']);
    expect(ids('blamedPakistan')).toEqual(['durand-line-gunfire', 'wardag-shelling']);
  });

  it('lists every report with what it states', async () => {
    const res = await gql(`{ sources { id outlet byline published statesCount } }`);
    const sources = res.data?.sources as { id: string; statesCount: number }[];
    expect(sources.map((s) => s.id)).toEqual([
      'report-000',
      'report-001',
      'report-002',
      'report-003',
      'report-004',
    ]);
    for (const s of sources) expect(s.statesCount).toBeGreaterThan(10);
  });
});

describe('analysis', () => {
  it('searches names, summaries and quotes with the full-text index, escaping Lucene syntax', async () => {
    const res = await gql(`{
      hits: search(text: "buffer zone", first: 3) { score node { __typename id } }
      quote: search(text: "empty-handed", kinds: [STATEMENT]) { node { id } }
      odd: search(text: "TTP AND (") { node { id } }
    }`);
    expect(res.errors).toBeUndefined();
    const hits = res.data?.hits as { score: number; node: { id: string } }[];
    expect(hits[0]?.node.id).toBe('durand-line-buffer-zone');
    expect(hits[0]!.score).toBeGreaterThan(hits[1]?.score ?? 0);
    expect(res.data?.quote).toEqual([{ node: { id: 'asif-process-ended' } }]);
    expect((res.data?.odd as unknown[]).length).toBeGreaterThan(0);
  });

  it('orders a timeline between two actors as the reports establish, with date precision', async () => {
    const res = await gql(
      `{ timeline(actor: "pakistan", otherActor: "afghanistan") { rank rankEnd date { text precision } node { __typename id } } }`,
    );
    const entries = res.data?.timeline as {
      rank: number | null;
      rankEnd: number | null;
      date: { precision: string } | null;
      node: { id: string };
    }[];
    const order = entries.map((e) => e.node.id);
    expect(order.indexOf('doha-ceasefire-signing')).toBeLessThan(order.indexOf('istanbul-talks'));
    // The gunfire happened during the talks: it starts no earlier and ends no later.
    const at = (id: string) => entries.find((e) => e.node.id === id)!;
    expect(at('durand-line-gunfire').rank).toBeGreaterThanOrEqual(at('istanbul-talks').rank!);
    expect(at('durand-line-gunfire').rankEnd).toBeLessThanOrEqual(at('istanbul-talks').rankEnd!);
    expect(entries.find((e) => e.node.id === 'durand-line-gunfire')?.date).toEqual({
      text: 'Thursday',
      precision: 'WEEKDAY',
    });
    const sequences = entries.map((e) => e.rank).filter((s): s is number => s !== null);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
  });

  it('finds the shortest connections between two actors, each step with sources', async () => {
    const res = await gql(
      `{ connections(from: "saudi-arabia", to: "ttp") { length steps { type from { id } to { id } evidence { source { id } } } } }`,
    );
    const paths = res.data?.connections as {
      length: number;
      steps: { type: string; evidence: unknown[] }[];
    }[];
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths) {
      expect(p.steps).toHaveLength(p.length);
      for (const step of p.steps) {
        expect(step.type).not.toBe('REPORTED_BY');
        expect(step.evidence.length).toBeGreaterThan(0);
      }
    }
    expect(paths[0]?.steps.map((s) => s.type)).toEqual(['MEDIATED', 'RAISED_AT', 'CONCERNS']);
  });

  it('lists disagreements between reports with each version’s sources', async () => {
    const res = await gql(
      `{ disagreements(subject: "istanbul-talks") { subject { id } property versions { value evidence { source { id } } } } }`,
    );
    const list = res.data?.disagreements as {
      property: string;
      versions: { value: string; evidence: { source: { id: string } }[] }[];
    }[];
    const round = list.find((d) => d.property === 'round');
    expect(round?.versions.map((v) => [v.value, v.evidence.map((e) => e.source.id)])).toEqual([
      ['second round', ['report-004']],
      ['third round', ['report-001']],
    ]);
    expect(list.map((d) => d.property)).toEqual(
      expect.arrayContaining(['mediators', 'causeOfFailure', 'status']),
    );
  });

  it('aggregates demands per actor and the share rejected', async () => {
    const res = await gql(
      `{ demandStats { actor { id } made rejected accepted countered unanswered shareRejected } }`,
    );
    const stats = res.data?.demandStats as {
      actor: { id: string };
      made: number;
      rejected: number;
      shareRejected: number;
      unanswered: number;
    }[];
    const pakistan = stats.find((s) => s.actor.id === 'pakistan');
    // Khawaja Asif's demands count for Pakistan (he represents it) and he has no row of his own.
    expect(pakistan).toMatchObject({ made: 12, rejected: 9, countered: 1 });
    expect(pakistan?.shareRejected).toBeCloseTo(9 / 12);
    expect(stats.map((s) => s.actor.id)).not.toContain('khawaja-asif');
    const afghanistan = stats.find((s) => s.actor.id === 'afghanistan');
    expect(afghanistan).toMatchObject({ made: 4, rejected: 2, unanswered: 2 });
  });
});

describe('execution', () => {
  it('runs one Cypher query per root field, however deep the selection', async () => {
    const res = await gql(`{
      a: actor(id: "pakistan") { demandsMade { node { rejectedBy { node { meetingsMediated { node { demandsRaised { node { madeBy { node { name } evidence { quote } } } } } } } } } } }
      b: meetings { edges { node { parties { node { statements { node { about { node { id } } } } } } } } }
      c: disagreements { versions { claim { subject { id } } } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(queries).toHaveLength(3);
  });

  it('sends every value as a parameter, never in the query text', async () => {
    await gql(
      `{ demands(filter: { text: "buffer' OR 1=1 //", madeBy: "pakistan" }) { totalCount } }`,
    );
    // An empty answer also resolves its name arguments (one more query): check every query.
    expect(queries.length).toBeGreaterThan(0);
    for (const q of queries) {
      expect(q.cypher).not.toContain('buffer');
      expect(q.cypher).not.toContain('pakistan');
    }
    expect(Object.values(queries[0]?.params ?? {})).toEqual(expect.arrayContaining(['pakistan']));
  });
});
