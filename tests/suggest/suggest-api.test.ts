/** The suggestFacts GraphQL field against the seeded real Neo4j. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { projectRoot } from '../../src/config/project-root.ts';

import { useSeededApi } from '../api-helpers.ts';
import { reportsDir } from '../seed-helpers.ts';
import { useWriteApi } from '../write-helpers.ts';

const { gql } = useSeededApi();

const QUERY = `query ($text: String!) {
  suggestFacts(text: $text) {
    actors { actorId resolvedBy selector { exact start end } }
    relationships { type from { id } negated evidence { quote framing selector { start end exact } } }
    dates { text precision }
  }
}`;

interface Answer {
  suggestFacts: {
    actors: {
      actorId: string;
      resolvedBy: string;
      selector: { exact: string; start: number; end: number };
    }[];
    relationships: { type: string; from: { id: string }; negated: boolean }[];
    dates: { text: string; precision: string }[];
  };
}

describe('suggestFacts over GraphQL', () => {
  it('resolves "Kabul", "Islamabad" and "Afghan" to the seed actors', async () => {
    const text =
      'Kabul rejected the proposal on Friday, and Afghan officials said Islamabad had not responded.';
    const res = await gql(QUERY, { text });
    expect(res.errors).toBeUndefined();
    const s = (res.data as unknown as Answer).suggestFacts;
    const resolved = s.actors.map((a) => [a.selector.exact, a.actorId, a.resolvedBy]);
    expect(resolved).toEqual(
      expect.arrayContaining([
        ['Kabul', 'afghanistan', 'ALIAS'],
        ['Islamabad', 'pakistan', 'ALIAS'],
      ]),
    );
    // "Afghan" resolves to Afghanistan, as a demonym or within a longer alias ("Afghan officials").
    expect(resolved).toContainEqual([
      expect.stringMatching(/^Afghan\b/),
      'afghanistan',
      expect.stringMatching(/^(DEMONYM|ALIAS)$/),
    ]);
    for (const a of s.actors)
      expect(text.slice(a.selector.start, a.selector.end)).toBe(a.selector.exact);
    expect(s.relationships).toContainEqual(
      expect.objectContaining({ type: 'REJECTED', from: { id: 'afghanistan' }, negated: false }),
    );
    expect(s.dates).toEqual([{ text: 'Friday', precision: 'WEEKDAY' }]);
  });

  it('answers the README example query without errors', async () => {
    const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Suggesting the facts of a new report'));
    const example = /```graphql\n([\s\S]*?)```/.exec(section)?.[1];
    expect(example).toContain('suggestFacts(text:');
    const res = await gql(example!);
    expect(res.errors).toBeUndefined();
    const rels = (res.data as unknown as { suggestFacts: { relationships: unknown[] } })
      .suggestFacts.relationships;
    // unnamed officials: reported, in their voice
    expect(rels).toContainEqual(
      expect.objectContaining({
        type: 'REJECTED',
        from: { id: 'afghanistan' },
        evidence: expect.objectContaining({
          framing: 'REPORTED',
          voice: { text: 'Afghan officials', actorId: 'afghanistan' },
        }) as unknown,
      }),
    );
  });

  it('refuses a text over the length limit with BAD_USER_INPUT', async () => {
    const res = await gql(QUERY, { text: 'a'.repeat(50_001) });
    expect(res.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', argument: 'text' },
    });
  });
});

const BY_SOURCE = `query ($source: ID, $text: String) {
  suggestFacts(source: $source, text: $text) {
    relationships { type from { id } to { id kind } existingId
                    evidence { quote selector { exact start end } } }
  }
}`;

interface BySource {
  suggestFacts: {
    relationships: {
      type: string;
      from: { id: string | null };
      to: { id: string | null; kind: string };
      existingId: string | null;
      evidence: { quote: string; selector: { exact: string; start: number; end: number } };
    }[];
  };
}

describe('suggestFacts for a stored report', () => {
  it.runIf(reportsDir !== undefined)(
    'reads a seed report’s text and points its candidates at the facts the graph holds',
    async () => {
      const text = readFileSync(path.join(reportsDir ?? '', '001_1d961762aa5a3901.txt'), 'utf8');
      const res = await gql(BY_SOURCE, { source: 'report-001' });
      expect(res.errors).toBeUndefined();
      const rels = (res.data as unknown as BySource).suggestFacts.relationships;
      expect(rels.length).toBeGreaterThan(3);
      // selectors are into the report's own text
      for (const r of rels)
        expect(text.slice(r.evidence.selector.start, r.evidence.selector.end)).toBe(
          r.evidence.quote,
        );
      // "despite mediation by Turkey and Qatar": the seed graph holds both; the report corroborates
      for (const mediator of ['turkey', 'qatar'])
        expect(rels).toContainEqual(
          expect.objectContaining({
            type: 'MEDIATED',
            from: { id: mediator },
            to: { id: 'istanbul-talks', kind: 'MEETING' },
            existingId: expect.stringContaining(`${mediator}-MEDIATED-istanbul-talks`) as unknown,
          }),
        );
    },
  );

  it('refuses an unknown report id with BAD_USER_INPUT naming it', async () => {
    const res = await gql(BY_SOURCE, { source: 'report-nowhere' });
    expect(res.data).toBeNull();
    expect(res.errors?.[0]).toMatchObject({
      message: expect.stringContaining("'report-nowhere'") as unknown,
      extensions: { code: 'BAD_USER_INPUT', argument: 'source' },
    });
  });

  it('needs exactly one of source and text', async () => {
    for (const variables of [{}, { source: 'report-001', text: 'Kabul rejected the plan.' }]) {
      const res = await gql(BY_SOURCE, variables);
      expect(res.errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toMatch(/exactly one of source .* and text/);
    }
  });
});

describe('suggestFacts for a report added through the API', () => {
  const api = useWriteApi();

  it('reads the stored text, with the right to read the graph', async () => {
    const text =
      'Kabul rejected the new inspection proposal on Monday, Afghan officials said, while Qatar offered to host another round.';
    const added = await api.send(
      api.keys.editor,
      `mutation($input: ReportInput!) { addReport(input: $input) { report { id } } }`,
      { input: { text } },
    );
    const id = (added.data as { addReport: { report: { id: string } } }).addReport.report.id;
    const res = await api.send(undefined, BY_SOURCE, { source: id });
    expect(res.errors).toBeUndefined();
    const rels = (res.data as unknown as BySource).suggestFacts.relationships;
    expect(rels).toContainEqual(
      expect.objectContaining({ type: 'REJECTED', from: { id: 'afghanistan' } }),
    );
    for (const r of rels)
      expect(text.slice(r.evidence.selector.start, r.evidence.selector.end)).toBe(r.evidence.quote);
    // where reads need a key, so does a stored report's text
    const refused = await api.sendClosed(undefined, BY_SOURCE, { source: id });
    expect(refused.status).toBe(401);
    expect(JSON.stringify(refused)).not.toContain('inspection');
    expect((await api.sendClosed(api.keys.reader, BY_SOURCE, { source: id })).status).toBe(200);
  });
});
