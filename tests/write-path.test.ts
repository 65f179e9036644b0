import { describe, expect, it } from 'vitest';

import { README_QUERIES } from './readme-queries.ts';
import { graphChecksum } from './seed-helpers.ts';
import { loadTestSeeds } from './seed-helpers.ts';
import { syntheticReport, useWriteApi } from './write-helpers.ts';

const ADD_REPORT = `mutation($input: ReportInput!, $key: String) {
  addReport(input: $input, idempotencyKey: $key) { created report { id outlet byline text textHash } edit { id by operation } }
}`;
const RECORD = `mutation($input: FactsInput!, $key: String) {
  recordFacts(input: $input, idempotencyKey: $key) {
    reportId createdNodes createdRelationships resolved { path name id }
    quotes { path exact prefix suffix start end }
    edit { id operation createdNodes }
  }
}`;

const DEMAND_QUOTE =
  'Pakistan demanded at the Istanbul talks that Afghanistan publish a monthly list of militant camps closed on its territory';
const REJECT_QUOTE = 'Afghan negotiators rejected the demand for a monthly list';
const TTP_QUOTE = 'The list should name the camps used by the TTP';
const INCIDENT_QUOTE =
  'During the Istanbul talks, a border post in the Test Valley came under mortar fire';
const BLAME_QUOTE = 'Afghan officials blamed Pakistani forces for the attack';

/** The facts of the synthetic report, naming existing actors by name and alias. */
const facts = (report: string) => ({
  report,
  demands: [
    {
      id: 'test-monthly-camp-list',
      summary: 'Afghanistan publish a monthly list of militant camps closed on its territory.',
      issue: 'SECURITY',
      evidence: [
        { quote: DEMAND_QUOTE, voice: 'a senior Pakistani official', framing: 'REPORTED' },
      ],
    },
  ],
  relationships: [
    {
      type: 'DEMANDED',
      from: 'Islamabad',
      to: 'test-monthly-camp-list',
      evidence: [
        { quote: DEMAND_QUOTE, voice: 'a senior Pakistani official', framing: 'REPORTED' },
      ],
    },
    {
      type: 'REJECTED',
      from: 'Kabul',
      to: 'test-monthly-camp-list',
      props: { reason: 'It would amount to outside supervision of Afghan affairs.' },
      evidence: [
        {
          quote: `${REJECT_QUOTE}, saying it would amount to "outside supervision" of Afghan affairs.`,
          voice: 'Afghan negotiators',
          framing: 'ON_RECORD',
        },
      ],
    },
    {
      type: 'RAISED_AT',
      from: 'test-monthly-camp-list',
      to: 'Istanbul talks',
      evidence: [{ quote: DEMAND_QUOTE, framing: 'REPORTED' }],
    },
    {
      type: 'CONCERNS',
      from: 'test-monthly-camp-list',
      to: 'TTP',
      evidence: [{ quote: TTP_QUOTE, voice: 'a senior Pakistani official', framing: 'REPORTED' }],
    },
    {
      type: 'OCCURRED_DURING',
      from: 'test-border-post-mortar',
      to: 'Istanbul talks',
      evidence: [{ quote: INCIDENT_QUOTE, framing: 'REPORTER' }],
    },
    {
      type: 'BLAMED_FOR',
      from: 'Pakistan',
      to: 'test-border-post-mortar',
      props: { blamedBy: 'Kabul' },
      evidence: [{ quote: BLAME_QUOTE, voice: 'Afghan officials', framing: 'ALLEGED' }],
    },
  ],
  incidents: [
    {
      id: 'test-border-post-mortar',
      summary: 'Mortar fire on a border post in the Test Valley.',
      kind: 'SHELLING',
      casualtiesText: 'No casualties were reported.',
      evidence: [{ quote: INCIDENT_QUOTE, framing: 'REPORTER' }],
    },
  ],
});

describe('recording a report and its facts', () => {
  const api = useWriteApi();
  let reportId = '';

  it('adds a report with its text and only origin fields its text states; the same text is the same report', async () => {
    const input = {
      text: syntheticReport,
      outlet: 'Test Wire Service',
      byline: 'By Test Reporter',
    };
    const first = await api.send(api.keys.editor, ADD_REPORT, { input });
    expect(first.errors).toBeUndefined();
    const added = (first.data?.addReport ?? {}) as {
      created: boolean;
      report: { id: string; text: string; textHash: string };
      edit: { by: string; operation: string };
    };
    expect(added.created).toBe(true);
    expect(added.report.text).toContain('monthly list');
    expect(added.edit.operation).toBe('addReport');
    reportId = added.report.id;

    const before = await graphChecksum(api.driver, api.database);
    const again = await api.send(api.keys.editor, ADD_REPORT, {
      input: { text: `\n${syntheticReport.replace(/\n/g, '\r\n')}  ` },
    });
    expect(again.data?.addReport).toMatchObject({
      created: false,
      report: { id: reportId },
      edit: null,
    });
    expect(await graphChecksum(api.driver, api.database)).toBe(before);

    const invented = await api.send(api.keys.editor, ADD_REPORT, {
      input: { text: `${syntheticReport} more`, outlet: 'Reuters' },
    });
    expect(invented.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(invented.errors?.[0]?.extensions?.problems).toEqual([
      expect.objectContaining({ path: 'outlet' }),
    ]);
    expect(await graphChecksum(api.driver, api.database)).toBe(before);
  });

  it('refuses a non-verbatim quote, an unknown report, a dangling reference and a wrong type, each writing nothing', async () => {
    const before = await graphChecksum(api.driver, api.database);
    const good = facts(reportId);
    const cases: [unknown, string, RegExp][] = [
      [
        {
          ...good,
          demands: [
            {
              ...good.demands[0],
              evidence: [{ quote: 'Pakistan demanded a weekly list', framing: 'REPORTED' }],
            },
          ],
        },
        'demands[0].evidence[0].quote',
        /not verbatim/,
      ],
      [{ ...good, report: 'report-nope' }, 'report', /unknown report/],
      [
        { ...good, relationships: [{ ...good.relationships[0], from: 'Atlantis' }] },
        'relationships[0].from',
        /dangling reference/,
      ],
      [
        {
          ...good,
          relationships: [{ ...good.relationships[0], type: 'DEMANDED', from: 'istanbul-talks' }],
        },
        'relationships[0].from',
        /is a Meeting, expected Actor/,
      ],
    ];
    for (const [input, path, message] of cases) {
      const res = await api.send(api.keys.editor, RECORD, { input });
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const problems = res.errors?.[0]?.extensions?.problems as { path: string; message: string }[];
      expect(problems).toContainEqual({ path, message: expect.stringMatching(message) as unknown });
      expect(await graphChecksum(api.driver, api.database)).toBe(before);
    }
  });

  it('answers every problem of an invalid call, each with its path', async () => {
    const good = facts(reportId);
    const res = await api.send(api.keys.editor, RECORD, {
      input: {
        ...good,
        demands: [
          {
            ...good.demands[0],
            evidence: [{ quote: 'not in the report at all', framing: 'REPORTED' }],
          },
        ],
        relationships: [{ ...good.relationships[0], from: 'Atlantis', type: 'NOPE' }],
      },
    });
    const paths = (res.errors?.[0]?.extensions?.problems as { path: string }[]).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['relationships[0].type']));
    const res2 = await api.send(api.keys.editor, RECORD, {
      input: {
        ...good,
        demands: [
          {
            ...good.demands[0],
            evidence: [{ quote: 'not in the report at all', framing: 'REPORTED' }],
          },
        ],
        relationships: [{ ...good.relationships[0], from: 'Atlantis' }],
      },
    });
    const paths2 = (res2.errors?.[0]?.extensions?.problems as { path: string }[]).map(
      (p) => p.path,
    );
    expect(paths2).toEqual(
      expect.arrayContaining(['demands[0].evidence[0].quote', 'relationships[0].from']),
    );
  });

  it('records the facts, resolving "Islamabad", "Kabul" and "Istanbul talks", with W3C selectors', async () => {
    const res = await api.send(api.keys.editor, RECORD, { input: facts(reportId), key: 'facts-1' });
    expect(res.errors).toBeUndefined();
    const r = res.data?.recordFacts as {
      createdNodes: string[];
      createdRelationships: string[];
      resolved: { name: string; id: string }[];
      quotes: { exact: string; start: number; end: number; prefix: string; suffix: string }[];
    };
    expect(r.createdNodes.sort()).toEqual(['test-border-post-mortar', 'test-monthly-camp-list']);
    expect(r.createdRelationships).toHaveLength(8); // two REPORTED_BY + six facts
    expect(r.resolved).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Islamabad', id: 'pakistan' }),
        expect.objectContaining({ name: 'Kabul', id: 'afghanistan' }),
        expect.objectContaining({ name: 'Istanbul talks', id: 'istanbul-talks' }),
      ]),
    );
    for (const q of r.quotes) {
      expect(syntheticReport.trim().slice(q.start, q.end)).toBe(q.exact);
      expect(syntheticReport.trim().slice(0, q.start).endsWith(q.prefix)).toBe(true);
    }
    // the quote spans a line break and a run of spaces in the report; exact keeps them
    expect(r.quotes[0]?.exact).toContain('list of   \nmilitant');
  });

  it('shows the new facts in the answers to the README’s three example questions', async () => {
    type Edges = { edges: { node: Record<string, unknown> }[] };
    const rejected = await api.send(undefined, README_QUERIES.rejectedDemands);
    const demand = (rejected.data?.demands as Edges).edges.find(
      (e) => e.node.id === 'test-monthly-camp-list',
    );
    expect(demand?.node).toMatchObject({
      raisedAt: [{ node: { name: 'Istanbul talks' } }],
      rejectedBy: [
        {
          node: { name: 'Afghanistan' },
          evidence: [{ source: { id: reportId, outlet: 'Test Wire Service' } }],
        },
      ],
    });

    const incidents = await api.send(undefined, README_QUERIES.incidentsNearMeetings);
    const incident = (incidents.data?.incidents as Edges).edges.find(
      (e) => e.node.id === 'test-border-post-mortar',
    );
    expect(incident?.node).toMatchObject({
      during: [{ node: { name: 'Istanbul talks' } }],
      blamed: [{ node: { name: 'Pakistan' }, blamedBy: { name: 'Afghanistan' } }],
    });

    const ttp = await api.send(undefined, README_QUERIES.ttpMediators);
    const about = (
      ttp.data?.actor as {
        demandsAbout: { node: { summary: string; raisedAt: { node: { name: string } }[] } }[];
      }
    ).demandsAbout;
    expect(about.map((d) => d.node.summary)).toContain(facts('').demands[0]?.summary);
  });

  it('reads each quote back with its position in the stored text', async () => {
    const res = await api.send(
      undefined,
      `{ demand(id: "test-monthly-camp-list") { evidence { quote position { exact start end prefix suffix } source { id text } } } }`,
    );
    const [ev] = (
      res.data?.demand as {
        evidence: {
          quote: string;
          position: { exact: string; start: number; end: number; prefix: string };
          source: { text: string };
        }[];
      }
    ).evidence;
    const text = ev?.source.text ?? '';
    expect(text.slice(ev?.position.start, ev?.position.end)).toBe(ev?.position.exact);
    expect(ev?.position.exact.replace(/\s+/g, ' ')).toBe(ev?.quote);
    expect(text.slice(0, ev?.position.start).endsWith(ev?.position.prefix ?? 'x')).toBe(true);
    const seed = await api.send(
      undefined,
      `{ actor(id: "pakistan") { evidence { position { start } } } }`,
    );
    expect(
      (seed.data?.actor as { evidence: { position: unknown }[] }).evidence[0]?.position,
    ).toBeNull();
  });

  it('creates nothing on a retry, with the same key or the same content', async () => {
    const before = await graphChecksum(api.driver, api.database);
    const sameKey = await api.send(api.keys.editor, RECORD, {
      input: facts(reportId),
      key: 'facts-1',
    });
    expect(sameKey.errors).toBeUndefined();
    const sameContent = await api.send(api.keys.editor, RECORD, { input: facts(reportId) });
    expect(sameContent.data?.recordFacts).toMatchObject({
      createdNodes: [],
      createdRelationships: [],
      edit: null,
    });
    expect(await graphChecksum(api.driver, api.database)).toBe(before);
  });

  it('keeps the added report and its facts when the seeds are reloaded', async () => {
    const before = await graphChecksum(api.driver, api.database);
    await loadTestSeeds(api.driver, api.database);
    expect(await graphChecksum(api.driver, api.database)).toBe(before);
    const res = await api.send(undefined, '{ demand(id: "test-monthly-camp-list") { id } }');
    expect(res.data?.demand).toEqual({ id: 'test-monthly-camp-list' });
  });

  it('lists edits and reverts one, restoring the graph as it was; refuses when later facts depend on it', async () => {
    const text = `${syntheticReport}\nA second, also synthetic, paragraph so this is another report.`;
    const beforeReport = await graphChecksum(api.driver, api.database, { graphOnly: true });
    const added = await api.send(api.keys.editor, ADD_REPORT, { input: { text } });
    const addEdit = added.data?.addReport as { edit: { id: string }; report: { id: string } };
    const beforeFacts = await graphChecksum(api.driver, api.database, { graphOnly: true });
    const recorded = await api.send(api.keys.editor, RECORD, {
      input: {
        ...facts(addEdit.report.id),
        demands: [{ ...facts('').demands[0], id: 'test-camp-list-2' }],
        relationships: [],
      },
    });
    const factsEdit = (recorded.data?.recordFacts as { edit: { id: string } }).edit.id;

    const refused = await api.send(
      api.keys.editor,
      `mutation { revertEdit(id: "${addEdit.edit.id}") { id } }`,
    );
    expect(refused.errors?.[0]?.message).toMatch(/depends on/);

    const edits = await api.send(undefined, `{ edits(first: 5) { id operation by } }`);
    expect((edits.data?.edits as { id: string }[])[0]?.id).toBe(factsEdit);

    const reverted = await api.send(
      api.keys.editor,
      `mutation { revertEdit(id: "${factsEdit}") { operation reverts } }`,
    );
    expect(reverted.data?.revertEdit).toEqual({ operation: 'revert', reverts: factsEdit });
    expect(await graphChecksum(api.driver, api.database, { graphOnly: true })).toBe(beforeFacts);
    await api.send(api.keys.editor, `mutation { revertEdit(id: "${addEdit.edit.id}") { id } }`);
    expect(await graphChecksum(api.driver, api.database, { graphOnly: true })).toBe(beforeReport);
  });
});

describe('concurrent writes', () => {
  const api = useWriteApi();

  it('ten parallel identical calls leave one node and one relationship each', async () => {
    const text = `${syntheticReport}\nConcurrency variant of the synthetic report.`;
    const added = await Promise.all(
      Array.from({ length: 10 }, () => api.send(api.keys.editor, ADD_REPORT, { input: { text } })),
    );
    expect(added.map((r) => r.errors)).toEqual(Array(10).fill(undefined));
    expect(added.filter((r) => (r.data?.addReport as { created: boolean }).created)).toHaveLength(
      1,
    );
    const reportId = (added[0]?.data?.addReport as { report: { id: string } }).report.id;
    const input = {
      ...facts(reportId),
      demands: [{ ...facts('').demands[0], id: 'test-concurrent-demand' }],
    };
    input.relationships = input.relationships.map((r) => ({
      ...r,
      to: r.to === 'test-monthly-camp-list' ? 'test-concurrent-demand' : r.to,
      from: r.from === 'test-monthly-camp-list' ? 'test-concurrent-demand' : r.from,
    }));
    const results = await Promise.all(
      Array.from({ length: 10 }, () => api.send(api.keys.editor, RECORD, { input })),
    );
    expect(results.map((r) => r.errors)).toEqual(Array(10).fill(undefined));
    const { records } = await api.driver.executeQuery(
      `MATCH (d:Demand {id: 'test-concurrent-demand'}) OPTIONAL MATCH (d)-[r]-() RETURN count(DISTINCT d) AS nodes, type(r) AS type, count(r) AS n`,
      {},
      { database: api.database },
    );
    for (const rec of records) expect((rec.get('n') as { toNumber(): number }).toNumber()).toBe(1);
    expect(records.map((r) => r.get('type') as string).sort()).toEqual([
      'CONCERNS',
      'DEMANDED',
      'RAISED_AT',
      'REJECTED',
      'REPORTED_BY',
    ]);
  });

  it('two editors recording the same new actor at once, from two reports, get one actor', async () => {
    const texts = ['Editor one', 'Editor two'].map((who) => `${syntheticReport}\n${who} variant.`);
    const reports = await Promise.all(
      texts.map(async (text) => {
        const res = await api.send(api.keys.editor, ADD_REPORT, { input: { text } });
        return (res.data?.addReport as { report: { id: string } }).report.id;
      }),
    );
    const actor = {
      id: 'test-ayla-demir',
      name: 'Ayla Demir',
      kind: 'PERSON',
      evidence: [
        { quote: 'Turkish mediator Ayla Demir, who chaired the session', framing: 'REPORTER' },
      ],
    };
    const results = await Promise.all(
      reports.map((report) =>
        api.send(api.keys.editor, RECORD, { input: { report, actors: [actor] } }),
      ),
    );
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined]);
    const { records } = await api.driver.executeQuery(
      `MATCH (a:Actor) WHERE a.name = 'Ayla Demir' RETURN count(a) AS n, COUNT { (a)-[:REPORTED_BY]->() } AS reports`,
      {},
      { database: api.database },
    );
    expect((records[0]?.get('n') as { toNumber(): number }).toNumber()).toBe(1);
    expect((records[0]?.get('reports') as { toNumber(): number }).toNumber()).toBe(2);
  });

  it('merges two actors that are one, audited, and reverts the merge exactly', async () => {
    const reportId = (
      (
        await api.send(api.keys.editor, ADD_REPORT, {
          input: { text: `${syntheticReport}\nEditor one variant.` },
        })
      ).data?.addReport as { report: { id: string } }
    ).report.id;
    const quote = 'Turkish mediator Ayla Demir, who chaired the session';
    const recorded = await api.send(api.keys.editor, RECORD, {
      input: {
        report: reportId,
        actors: [
          {
            id: 'test-a-demir',
            name: 'A. Demir',
            kind: 'PERSON',
            evidence: [{ quote, framing: 'REPORTER' }],
          },
        ],
        relationships: [
          {
            type: 'MEDIATED',
            from: 'test-a-demir',
            to: 'istanbul-talks',
            evidence: [{ quote, framing: 'REPORTER' }],
          },
        ],
      },
    });
    expect(recorded.errors).toBeUndefined();
    const before = await graphChecksum(api.driver, api.database, { graphOnly: true });
    const MERGE = `mutation($keep: ID!, $remove: ID!) { mergeActors(keep: $keep, remove: $remove) { id operation createdRelationships } }`;

    const seedOwned = await api.send(api.keys.editor, MERGE, { keep: 'pakistan', remove: 'Kabul' });
    expect(seedOwned.errors?.[0]?.message).toMatch(/comes from the seed files/);

    const merged = await api.send(api.keys.editor, MERGE, {
      keep: 'Ayla Demir',
      remove: 'A. Demir',
    });
    expect(merged.errors).toBeUndefined();
    const edit = merged.data?.mergeActors as { id: string; createdRelationships: string[] };
    expect(edit.createdRelationships.length).toBe(2); // MEDIATED and REPORTED_BY moved
    const moved = await api.send(undefined, `{ actor(id: "A. Demir") { id aliases } }`);
    expect(moved.data?.actor).toEqual({ id: 'test-ayla-demir', aliases: ['A. Demir'] });
    const { records } = await api.driver.executeQuery(
      `MATCH (:Actor {id: 'test-ayla-demir'})-[m:MEDIATED]->(:Meeting {id: 'istanbul-talks'}) RETURN count(m) AS n`,
      {},
      { database: api.database },
    );
    expect((records[0]?.get('n') as { toNumber(): number }).toNumber()).toBe(1);

    const reverted = await api.send(
      api.keys.editor,
      `mutation { revertEdit(id: "${edit.id}") { reverts } }`,
    );
    expect(reverted.errors).toBeUndefined();
    expect(await graphChecksum(api.driver, api.database, { graphOnly: true })).toBe(before);
  });
});

describe('positions through the API', () => {
  const api = useWriteApi();

  it('records a stance naming its actor and target, linked HELD and ON, read back in time; a wrong actor is refused', async () => {
    const text = `${syntheticReport}\nA third synthetic paragraph, so that this is a report of its own.`;
    const added = await api.send(api.keys.editor, ADD_REPORT, { input: { text } });
    const report = (added.data?.addReport as { report: { id: string } }).report.id;
    const before = await graphChecksum(api.driver, api.database, { graphOnly: true });
    const position = {
      id: 'test-kabul-rejects-camp-list',
      actor: 'Kabul',
      stance: 'REJECTED',
      on: 'test-camp-list-3',
      summary: 'Afghanistan rejected the monthly list of closed camps.',
      evidence: [{ quote: REJECT_QUOTE, voice: 'Afghan negotiators', framing: 'ON_RECORD' }],
    };
    const demands = [{ ...facts('').demands[0], id: 'test-camp-list-3' }];

    const wrong = await api.send(api.keys.editor, RECORD, {
      input: { report, demands, positions: [{ ...position, actor: 'test-camp-list-3' }] },
    });
    expect(wrong.errors?.[0]?.extensions?.problems).toEqual([
      {
        path: 'positions[0].actor',
        message: "'test-camp-list-3' is a Demand, expected Actor",
      },
    ]);
    expect(await graphChecksum(api.driver, api.database, { graphOnly: true })).toBe(before);

    const res = await api.send(api.keys.editor, RECORD, {
      input: { report, demands, positions: [position] },
    });
    expect(res.errors).toBeUndefined();
    const r = res.data?.recordFacts as { createdRelationships: string[]; edit: { id: string } };
    expect(r.createdRelationships).toEqual(
      expect.arrayContaining([
        'afghanistan-HELD-test-kabul-rejects-camp-list',
        'test-kabul-rejects-camp-list-ON-test-camp-list-3',
      ]),
    );
    const read = await api.send(
      undefined,
      `{ actor(id: "afghanistan") { positions { node { id stance on { id } evidence { quote voice framing } } } } }`,
    );
    const positions = (
      read.data?.actor as {
        positions: { node: { id: string; stance: string; on: { id: string } } }[];
      }
    ).positions.map((p) => p.node);
    expect(positions).toContainEqual({
      id: 'test-kabul-rejects-camp-list',
      stance: 'REJECTED',
      on: { id: 'test-camp-list-3' },
      evidence: [{ quote: REJECT_QUOTE, voice: 'Afghan negotiators', framing: 'ON_RECORD' }],
    });

    await api.send(api.keys.editor, `mutation { revertEdit(id: "${r.edit.id}") { id } }`);
    expect(await graphChecksum(api.driver, api.database, { graphOnly: true })).toBe(before);
  });
});
