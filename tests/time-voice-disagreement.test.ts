/**
 * Issue 11 on the real database: the order of events as the reports state it, positions over
 * time, voice and framing on every quote, and disagreements computed by rule — through the
 * analysts' Cypher library.
 */
import { beforeAll, describe, expect, it } from 'vitest';

import { loadLibrary } from '../src/analyst/query-library.ts';
import { runCypher } from '../src/analyst/run-cypher.ts';
import { prepareSeeds } from '../src/seed/load-seeds-from-disk.ts';
import { readSeedFiles, type ParsedSeedFile } from '../src/seed/read-seed-files.ts';
import { validateDataset } from '../src/seed/validate-dataset.ts';
import { useTestDriver } from './neo4j-context.ts';
import { loadTestSeeds } from './seed-helpers.ts';

const { driver, database } = useTestDriver();
const library = loadLibrary();

beforeAll(async () => {
  await loadTestSeeds(driver, database);
});

type Row = Record<string, unknown>;

async function run(name: string, params: Record<string, unknown> = {}, cypher?: string) {
  const query = library.find((q) => q.name === name);
  if (!query) throw new Error(`no query ${name}`);
  return (await runCypher({ driver, database, cypher: cypher ?? query.cypher, params })).rows;
}

async function q(cypher: string): Promise<Row[]> {
  const { records } = await driver.executeQuery(cypher, {}, { database });
  return records.map((r) => r.toObject());
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

describe('the order of events', () => {
  it('never orders two events against a stated ordering edge', async () => {
    const rows = await run('event-order');
    const rank = new Map(rows.map((r) => [r.id as string, num(r.rank)]));
    const rankEnd = new Map(rows.map((r) => [r.id as string, num(r.rankEnd)]));
    const edges = await q(`
      MATCH (a)-[r:OCCURRED_BEFORE|FOLLOWED|OCCURRED_DURING]->(b)
      RETURN type(r) AS type, a.id AS a, b.id AS b`);
    expect(edges.length).toBeGreaterThan(40);
    for (const { type, a, b } of edges as { type: string; a: string; b: string }[]) {
      const [sa, ea, sb, eb] = [rank.get(a)!, rankEnd.get(a)!, rank.get(b)!, rankEnd.get(b)!];
      expect([sa, ea, sb, eb], `${a} ${type} ${b} is placed`).not.toContain(null);
      if (type === 'OCCURRED_BEFORE') expect(ea, `${a} before ${b}`).toBeLessThan(sb);
      if (type === 'FOLLOWED') expect(eb, `${a} after ${b}`).toBeLessThan(sa);
      if (type === 'OCCURRED_DURING') {
        expect(sb, `${a} during ${b}`).toBeLessThanOrEqual(sa);
        expect(ea, `${a} during ${b}`).toBeLessThanOrEqual(eb);
      }
    }
    expect(rows.filter((r) => (r.conflicts as string[]).length > 0)).toEqual([]);
  });

  it('places Baku and Khawaja Asif’s statements after the Istanbul talks, each with the words that fix it', async () => {
    const rows = await run('event-order');
    const byId = new Map(rows.map((r) => [r.id as string, r]));
    const istanbul = byId.get('istanbul-talks')!;
    for (const id of [
      'baku-meeting',
      'asif-process-ended',
      'asif-thanks-mediators',
      'respond-in-kind-threat',
      'asif-blames-afghan-unwillingness',
      'mujahid-impossible-demand',
    ]) {
      const row = byId.get(id)!;
      expect(row.group, id).toBe(istanbul.group);
      expect(num(row.rank), id).toBeGreaterThan(num(istanbul.rankEnd)!);
    }
    expect(byId.get('baku-meeting')).toMatchObject({
      placedBy: ['baku-meeting-FOLLOWED-istanbul-talks'],
      quotes: expect.arrayContaining([
        'expressing “deep disappointment” over the stalemate',
      ]) as unknown,
    });
  });

  it('does not order Turkey’s message (report-000) against the Istanbul talks: nothing states it', async () => {
    const rows = await run('event-order');
    const byId = new Map(rows.map((r) => [r.id as string, r]));
    expect(byId.get('turkey-conveys-afghan-unwillingness')?.group).not.toBe(
      byId.get('istanbul-talks')?.group,
    );
    // Within its own group it comes before Turkey's step back, as report-000 states.
    expect(num(byId.get('turkey-withdraws-from-mediation')?.rank)).toBeGreaterThan(
      num(byId.get('turkey-conveys-afghan-unwillingness')?.rankEnd)!,
    );
  });

  it('reports conflicting orders as conflicts and as an `order` disagreement', async () => {
    // A contradicting edge, in a transaction that is rolled back.
    const session = driver.session({ database });
    const tx = session.beginTransaction();
    try {
      await tx.run(`
        MATCH (b:Meeting {id: 'baku-meeting'}), (i:Meeting {id: 'istanbul-talks'})
        CREATE (b)-[:OCCURRED_BEFORE {id: 'probe-conflict', sourceIds: ['report-000'], quotes: ['x'], voices: ['x'], framings: ['reporter']}]->(i)`);
      const order = library.find((l) => l.name === 'event-order')!.cypher;
      const rows = (await tx.run(order)).records.map((r) => r.toObject());
      const conflicts = new Set(rows.flatMap((r) => r.conflicts as string[]));
      expect(conflicts).toContain('probe-conflict');
      const disagreements = library.find((l) => l.name === 'computed-disagreements')!.cypher;
      const found = (await tx.run(disagreements)).records.map((r) => r.toObject());
      expect(found).toContainEqual(
        expect.objectContaining({ rule: 'order', version: ['OCCURRED_BEFORE', 'probe-conflict'] }),
      );
    } finally {
      await tx.rollback();
      await session.close();
    }
  });
});

describe('positions over time', () => {
  it('shows Turkey facilitating, stepping back, and (report-004, at Baku) willing to continue, as a sequence', async () => {
    const rows = await run('actor-positions', { actor: 'turkey' });
    const kinds = rows.map((r) => [r.kind, r.on]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['facilitator', 'facilitated-rounds'],
        ['withdrew', 'facilitated-rounds'],
        ['facilitator', 'istanbul-talks'],
      ]),
    );
    const rank = (kind: string, on: string) =>
      num(rows.find((r) => r.kind === kind && r.on === on)?.rank);
    expect(rank('withdrew', 'facilitated-rounds')).toBeGreaterThan(
      rank('facilitator', 'facilitated-rounds')!,
    );
    // Erdoğan speaks for Turkey: his statements are in Turkey's positions, with his name.
    expect(rows).toContainEqual(expect.objectContaining({ by: 'Recep Tayyip Erdoğan' }));
  });

  it('is not a disagreement: no claim on Turkey’s mediation role, no computed rule about it', async () => {
    expect(await q(`MATCH (c:Claim {property: 'mediationRole'}) RETURN c.id`)).toEqual([]);
    const found = await run('computed-disagreements');
    expect(found.filter((r) => r.subject === 'turkey')).toEqual([]);
  });

  it('counts Khawaja Asif’s demand to act inside Afghanistan for Pakistan, naming him', async () => {
    const rows = await run('actor-positions', { actor: 'pakistan' });
    expect(rows).toContainEqual(
      expect.objectContaining({
        kind: 'demanded',
        on: 'right-to-act-inside-afghanistan',
        by: 'Khawaja Muhammad Asif',
      }),
    );
  });
});

describe('voice and framing', () => {
  it('gives every quote of every node and relationship a voice and a framing', async () => {
    const rows = await q(`
      CALL () {
        MATCH (n:Entity) RETURN n.id AS id, n.quotes AS quotes, n.voices AS voices, n.framings AS framings
        UNION ALL
        MATCH ()-[r]->() RETURN r.id AS id, r.quotes AS quotes, r.voices AS voices, r.framings AS framings
      }
      RETURN id, size(quotes) AS n, voices, framings`);
    expect(rows.length).toBeGreaterThan(500);
    const framings = new Set([
      'on_record',
      'confirmed',
      'reported',
      'alleged',
      'assessment',
      'reporter',
    ]);
    for (const row of rows) {
      const voices = row.voices as string[];
      const fr = row.framings as string[];
      expect(voices, `${String(row.id)} voices`).toHaveLength(num(row.n)!);
      expect(
        voices.every((v) => v.length > 0),
        `${String(row.id)} has a voice per quote`,
      ).toBe(true);
      expect(
        fr.every((f) => framings.has(f)),
        `${String(row.id)} has a framing per quote`,
      ).toBe(true);
    }
  });

  it('attributes the Spin Boldak shelling to Afghan provincial sources, reported, not as plain fact', async () => {
    const [row] = await q(
      `MATCH (i:Incident {id: 'spin-boldak-shelling'}) RETURN i.voices AS v, i.framings AS f`,
    );
    expect(row).toEqual({
      v: ['Afghan provincial sources', 'Afghan provincial sources'],
      f: ['reported', 'reported'],
    });
  });

  it('keeps regional analysts’ commentary from being Afghanistan’s statement', async () => {
    const rows = await q(`
      MATCH (s:Statement {id: 'demands-are-interference'})
      RETURN s.voices AS voices, s.framings AS framings, EXISTS { (:Actor)-[:STATED]->(s) } AS stated`);
    expect(rows).toEqual([
      { voices: ['regional analysts'], framings: ['assessment'], stated: false },
    ]);
    const onRecord = await run('voices', { actor: 'afghanistan' });
    expect(onRecord.length).toBeGreaterThan(10);
    expect(onRecord.map((r) => r.quote)).not.toContainEqual(expect.stringMatching(/interference/));
    expect(new Set(onRecord.map((r) => r.voice))).toEqual(
      new Set(['afghanistan', 'zabihullah-mujahid']),
    );
    expect(new Set(onRecord.map((r) => r.framing)).has('reported')).toBe(false);
  });
});

describe('disagreements computed by rule', () => {
  it('stances: report-001 has the Afghan side agreeing verbally, report-000 the demands categorically dismissed', async () => {
    const rows = (await run('computed-disagreements')).filter((r) => r.rule === 'stances');
    expect(rows).toContainEqual(
      expect.objectContaining({
        subject: 'afghanistan',
        version: ['agreed_verbally', 'prevent-soil-use'],
        sources: ['report-001'],
        voices: ['khawaja-asif'],
      }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({
        subject: 'afghanistan',
        version: ['rejected', 'hand-over-ttp-militants'],
      }),
    );
    expect(await q(`MATCH (c:Claim) WHERE c.subject = 'afghanistan' RETURN c.id`)).toEqual([]);
  });

  it('sides: report-001 thanks Qatar for supporting Pakistan, report-000 alleges Doha favoured the Afghan Taliban', async () => {
    const rows = (await run('computed-disagreements')).filter((r) => r.rule === 'sides');
    expect(rows).toEqual([
      expect.objectContaining({
        subject: 'qatar',
        version: ['favoured', 'afghanistan'],
        sources: ['report-000'],
        framings: ['alleged'],
      }),
      expect.objectContaining({
        subject: 'qatar',
        version: ['supporter', 'pakistan'],
        sources: ['report-001'],
        framings: ['on_record'],
      }),
    ]);
    expect(await q(`MATCH (c:Claim) WHERE c.subject = 'qatar' RETURN c.id`)).toEqual([]);
  });

  it('participants: reports 001–002 name Turkey and Qatar as mediators of the Istanbul talks, 003–004 only Turkey', async () => {
    const rows = (await run('computed-disagreements')).filter(
      (r) => r.rule === 'participants' && r.subject === 'istanbul-talks',
    );
    expect(rows.map((r) => [r.sources, r.version])).toEqual([
      [['report-001'], ['qatar', 'turkey']],
      [['report-002'], ['qatar', 'turkey']],
      [['report-003'], ['turkey']],
      [['report-004'], ['turkey']],
    ]);
  });

  it('threat-carried-out: report-000’s threat of strikes inside Afghanistan, report-004’s airstrikes', async () => {
    const rows = (await run('computed-disagreements')).filter(
      (r) => r.rule === 'threat-carried-out' && r.subject === 'strikes-inside-afghanistan-threat',
    );
    expect(rows.map((r) => [r.version, r.sources])).toEqual([
      [['carried out', 'pakistani-airstrikes'], ['report-004']],
      [['threatened', 'strikes-inside-afghanistan-threat'], ['report-000']],
    ]);
  });
});

describe('the loader', () => {
  it('loads the seed set with no warning about quotes that name neither endpoint', async () => {
    const dataset = await prepareSeeds({ log: () => undefined });
    expect(dataset.warnings).toEqual([]);
  });

  it('warns when a relationship’s quotes name neither endpoint and no reason is given', async () => {
    const files = await readSeedFiles('seeds');
    const extra: ParsedSeedFile = {
      file: 'probe.yaml',
      data: {
        relationships: [
          {
            type: 'ATTENDED',
            from: 'qatar',
            to: 'baku-meeting',
            props: {},
            evidence: [
              { source: 'report-004', quote: 'underscoring the volatility of the situation' },
            ],
          },
          {
            type: 'ATTENDED',
            from: 'saudi-arabia',
            to: 'baku-meeting',
            props: {},
            unnamedBecause: 'a probe with a reason',
            evidence: [
              { source: 'report-004', quote: 'underscoring the volatility of the situation' },
            ],
          },
        ],
      },
    };
    const dataset = await validateDataset([...files, extra], undefined);
    expect(dataset.warnings).toEqual([
      expect.objectContaining({
        file: 'probe.yaml',
        path: 'relationships[0].evidence',
        message: expect.stringMatching(
          /ATTENDED qatar → baku-meeting: no quote names either endpoint/,
        ) as unknown,
      }),
    ]);
  });
});
