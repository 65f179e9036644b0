/**
 * The seed graph in a real Neo4j: counts, specific facts from each report, provenance on
 * every node and relationship, disagreements kept as separate claims, idempotent loading.
 */
import { beforeAll, describe, expect, it } from 'vitest';

import { useTestDriver } from './neo4j-context.ts';
import {
  evidenceBearers,
  graphChecksum,
  graphCounts,
  loadTestSeeds,
  prepareTestSeeds,
} from './seed-helpers.ts';

const { driver, database } = useTestDriver();
const q = async (cypher: string, params: Record<string, unknown> = {}) =>
  (await driver.executeQuery(cypher, params, { database })).records.map(
    (r) => r.toObject() as Record<string, unknown>,
  );

beforeAll(async () => {
  await loadTestSeeds(driver, database);
});

describe('seed graph counts', () => {
  it('holds every node and relationship of the seed files, by label and type', async () => {
    const dataset = await prepareTestSeeds();
    const expectedLabels: Record<string, number> = {};
    for (const n of dataset.nodes) expectedLabels[n.label] = (expectedLabels[n.label] ?? 0) + 1;
    const expectedTypes: Record<string, number> = {};
    for (const r of dataset.relationships) expectedTypes[r.type] = (expectedTypes[r.type] ?? 0) + 1;

    const counts = await graphCounts(driver, database);
    for (const [label, n] of Object.entries(expectedLabels))
      expect(counts.labels[label], label).toBe(n);
    for (const [type, n] of Object.entries(expectedTypes)) expect(counts.types[type], type).toBe(n);
    expect(counts.labels.Entity).toBe(dataset.nodes.length);
    expect(counts.labels).toMatchObject({
      Source: 5,
      Actor: 14,
      Meeting: 4,
      Demand: 17,
      Incident: 6,
    });
  });
});

describe('facts from report-000 (News18)', () => {
  it('records Pakistan’s five core demands, all rejected by Afghanistan at the facilitated rounds', async () => {
    const rows = await q(`
      MATCH (:Actor {id: 'pakistan'})-[:DEMANDED]->(d:Demand)-[:RAISED_AT]->(:Meeting {id: 'facilitated-rounds'})
      MATCH (:Actor {id: 'afghanistan'})-[r:REJECTED]->(d)
      WHERE 'report-000' IN r.sourceIds
      RETURN d.id AS id, d.issue AS issue ORDER BY id`);
    expect(rows).toEqual([
      { id: 'durand-line-buffer-zone', issue: 'border_territory' },
      { id: 'hand-over-ttp-militants', issue: 'security' },
      { id: 'repatriate-refugees', issue: 'refugees' },
      { id: 'security-primacy', issue: 'sovereignty' },
      { id: 'transit-trade-scrutiny', issue: 'trade_transit' },
    ]);
  });

  it('names Saudi Arabia as a facilitator only on report-000’s word', async () => {
    const rows = await q(
      `MATCH (:Actor {id: 'saudi-arabia'})-[m:MEDIATED]->(mt:Meeting) RETURN mt.id AS meeting, m.role AS role, m.sourceIds AS sources`,
    );
    expect(rows).toEqual([
      { meeting: 'facilitated-rounds', role: 'facilitator', sources: ['report-000'] },
    ]);
  });

  it('keeps only what the report says of its origin', async () => {
    const [source] = await q(
      `MATCH (s:Source {id: 'report-000'}) RETURN s.outlet AS outlet, s.published AS published, s.byline AS byline`,
    );
    expect(source).toEqual({
      outlet: 'News18',
      published: 'January 08, 2026, 09:26 IST',
      byline: null,
    });
  });

  it('records the threat of strikes inside Afghanistan as stated by Pakistan', async () => {
    const rows = await q(
      `MATCH (:Actor {id: 'pakistan'})-[:STATED]->(s:Statement {kind: 'threat'})-[:ABOUT]->(:Actor {id: 'afghanistan'}) RETURN s.id AS id ORDER BY id`,
    );
    expect(rows.map((r) => r.id)).toContain('strikes-inside-afghanistan-threat');
  });
});

describe('facts from report-001 (ISLAMABAD dateline)', () => {
  it('records Afghanistan’s demand for verbal assurances and Pakistan’s rejection of it', async () => {
    const rows = await q(`
      MATCH (:Actor {id: 'afghanistan'})-[:DEMANDED]->(d:Demand {id: 'accept-verbal-assurances'})<-[r:REJECTED]-(:Actor {id: 'pakistan'})
      RETURN r.sourceIds AS sources, r.reason AS reason`);
    expect(rows).toEqual([
      { sources: ['report-001'], reason: 'Final commitments must be put in writing.' },
    ]);
  });

  it('names Khawaja Asif as Pakistan’s Defence Minister who warned Pakistan will respond in kind', async () => {
    const rows = await q(`
      MATCH (a:Actor {id: 'khawaja-asif'})-[rep:REPRESENTS]->(:Actor {id: 'pakistan'})
      MATCH (a)-[:STATED]->(s:Statement {id: 'respond-in-kind-threat'})
      RETURN a.role AS role, rep.role AS repRole, s.kind AS kind`);
    expect(rows).toEqual([
      { role: 'Defence Minister of Pakistan', repRole: 'Defence Minister', kind: 'threat' },
    ]);
  });

  it('records Qatar as a mediator of the Istanbul talks on report-001’s word', async () => {
    const rows = await q(
      `MATCH (:Actor {id: 'qatar'})-[m:MEDIATED]->(:Meeting {id: 'istanbul-talks'}) RETURN m.sourceIds AS sources`,
    );
    expect(rows[0]?.sources).toContain('report-001');
  });
});

describe('facts from report-002 (byline Bhumi Vashisht)', () => {
  it('records the demand to end support for US drone operations and Pakistan declaring it off the table', async () => {
    const rows = await q(`
      MATCH (:Actor {id: 'afghanistan'})-[:DEMANDED]->(d:Demand {id: 'end-us-drone-support'})<-[r:REJECTED]-(:Actor {id: 'pakistan'})
      MATCH (d)-[:COUNTERED]->(countered:Demand)
      RETURN r.quotes AS quotes, countered.id AS countered`);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.countered).toBe('act-against-militants');
    expect(String(rows[0]?.quotes)).toMatch(/off the table/);
  });

  it('keeps the byline and no invented outlet', async () => {
    const [source] = await q(
      `MATCH (s:Source {id: 'report-002'}) RETURN s.byline AS byline, s.outlet AS outlet, s.published AS published`,
    );
    expect(source).toEqual({ byline: 'Bhumi Vashisht', outlet: null, published: null });
  });

  it('stores "on Tuesday" as stated, with weekday precision, not as a calendar day', async () => {
    const [s] = await q(
      `MATCH (:Actor {id: 'afghan-state-media'})-[:STATED]->(s:Statement) RETURN s.dateText AS text, s.datePrecision AS precision, s.dateRelativeTo AS anchor`,
    );
    expect(s).toEqual({ text: 'Tuesday', precision: 'weekday', anchor: 'report-002' });
  });
});

describe('facts from report-003', () => {
  it('records the Spin Boldak shelling: 5 killed, the Pakistan Army blamed by Afghan provincial sources (reported), during the Istanbul talks', async () => {
    const rows = await q(`
      MATCH (army:Actor)-[b:BLAMED_FOR]->(i:Incident {id: 'spin-boldak-shelling'})-[:OCCURRED_DURING]->(m:Meeting)
      RETURN army.id AS blamed, b.blamedBy AS blamedBy, b.voices AS voices, b.framings AS framings,
             i.killed AS killed, m.id AS meeting`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      blamed: 'pakistan-army',
      blamedBy: null,
      voices: ['Afghan provincial sources'],
      framings: ['reported'],
      meeting: 'istanbul-talks',
    });
    expect(Number(rows[0]?.killed)).toBe(5);
  });

  it('stores casualty figures as integers', async () => {
    const [row] = await q(
      `MATCH (i:Incident {id: 'wardag-shelling'}) RETURN valueType(i.killed) AS kt, i.killed AS killed, i.injured AS injured`,
    );
    expect(row?.kt).toBe('INTEGER NOT NULL');
    expect([Number(row?.killed), Number(row?.injured)]).toEqual([1, 4]);
  });

  it('records the TTP relocation demand, rejected by Afghan negotiators at the Istanbul talks', async () => {
    const rows = await q(`
      MATCH (:Actor {id: 'pakistan'})-[:DEMANDED]->(d:Demand {id: 'relocate-ttp-to-afghanistan'})-[:RAISED_AT]->(:Meeting {id: 'istanbul-talks'})
      MATCH (:Actor {id: 'afghanistan'})-[r:REJECTED]->(d)
      RETURN r.sourceIds AS sources`);
    expect(rows[0]?.sources).toEqual(['report-003', 'report-003']);
  });
});

describe('facts from report-004', () => {
  it('records the Doha signing in October, brokered by Qatar and supported by the OIC', async () => {
    const rows = await q(`
      MATCH (a:Actor)-[m:MEDIATED]->(mt:Meeting {id: 'doha-ceasefire-signing'})
      RETURN a.id AS actor, m.role AS role, mt.dateText AS date, mt.datePrecision AS precision ORDER BY actor`);
    expect(rows).toEqual([
      { actor: 'oic', role: 'supporter', date: 'October', precision: 'month' },
      { actor: 'qatar', role: 'broker', date: 'October', precision: 'month' },
    ]);
  });

  it('records the Durand Line gunfire on Thursday with no invented casualty figure', async () => {
    const [row] = await q(
      `MATCH (i:Incident {id: 'durand-line-gunfire'}) RETURN i.dateText AS date, i.killed AS killed, i.casualtiesText AS text`,
    );
    expect(row).toEqual({ date: 'Thursday', killed: null, text: 'no casualties were reported' });
  });

  it('records Erdoğan and Shehbaz Sharif meeting in Baku', async () => {
    const rows = await q(
      `MATCH (a:Actor)-[:ATTENDED]->(:Meeting {id: 'baku-meeting'}) RETURN a.name AS name ORDER BY name`,
    );
    expect(rows.map((r) => r.name)).toEqual(['Recep Tayyip Erdoğan', 'Shehbaz Sharif']);
  });
});

describe('disagreements between reports', () => {
  it('keeps each report’s round number for the Istanbul talks as its own claim', async () => {
    const rows = await q(`
      MATCH (c:Claim)-[:ABOUT]->(s {id: 'istanbul-talks'}) WHERE c.property = 'round'
      RETURN c.value AS value, c.sourceIds AS sources ORDER BY value`);
    expect(rows).toEqual([
      { value: 'second round', sources: ['report-004'] },
      { value: 'third round', sources: ['report-001'] },
    ]);
  });

  it('are found by grouping claims on subject and property', async () => {
    const rows = await q(`
      MATCH (c:Claim)-[:ABOUT]->(s:Entity)
      WITH s, c.property AS property, collect(DISTINCT c.value) AS values
      WHERE size(values) > 1
      RETURN s.id AS subject, property ORDER BY subject, property`);
    expect(rows).toEqual(
      expect.arrayContaining([
        { subject: 'istanbul-talks', property: 'round' },
        { subject: 'istanbul-talks', property: 'mediators' },
        { subject: 'pakistan', property: 'demands' },
      ]),
    );
    // Turkey's step back (report-000) and its willingness to continue (report-004) are
    // positions at different times, not versions of one fact.
    expect(rows).not.toContainEqual({ subject: 'turkey', property: 'mediationRole' });
  });
});

describe('provenance', () => {
  it('gives every node and relationship known report ids and a quote for each', async () => {
    const known = new Set((await q('MATCH (s:Source) RETURN s.id AS id')).map((s) => s.id));
    const items = await evidenceBearers(driver, database);
    expect(items.length).toBeGreaterThan(400);
    for (const item of items) {
      const { sources, quotes } = item;
      expect(sources.length, item.id).toBeGreaterThan(0);
      expect(quotes.length, item.id).toBe(sources.length);
      for (const source of sources) {
        expect(known.has(source), `${item.id} cites unknown ${source}`).toBe(true);
      }
      for (const quote of quotes) expect(quote.trim().length, item.id).toBeGreaterThan(0);
    }
  });

  it('links every non-Source node to each report that states it with REPORTED_BY', async () => {
    const missing = await q(`
      MATCH (n:Entity) WHERE NOT n:Source
      UNWIND n.sourceIds AS sid
      WITH n, sid WHERE NOT EXISTS { (n)-[:REPORTED_BY]->(:Source {id: sid}) }
      RETURN n.id AS id, sid`);
    expect(missing).toEqual([]);
  });

  it('holds no page furniture: ads, teasers, bios or cookie banners', async () => {
    const [row] = await q(`
      MATCH (n:Entity)
      WITH n, reduce(s = '', q IN n.quotes | s + ' ' + q) + coalesce(n.summary, '') AS text
      WHERE text =~ '(?is).*(ARTICLE AD BOX|Jay Shah|Bigg Boss|cookies|Read Entire Article|BMC Elections|recent media graduate).*'
      RETURN count(n) AS n`);
    expect(Number(row?.n)).toBe(0);
  });
});

describe('loading twice', () => {
  it('changes nothing: same counts and the same checksum of every property', async () => {
    const before = {
      counts: await graphCounts(driver, database),
      sum: await graphChecksum(driver, database),
    };
    const summary = await loadTestSeeds(driver, database);
    expect(summary.nodes).toMatchObject({ created: 0, updated: 0, deleted: 0 });
    expect(summary.relationships).toMatchObject({ created: 0, updated: 0, deleted: 0 });
    expect(await graphCounts(driver, database)).toEqual(before.counts);
    expect(await graphChecksum(driver, database)).toBe(before.sum);
  });
});
