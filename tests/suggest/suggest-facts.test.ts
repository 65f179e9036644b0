/**
 * The suggester on a text written for this test about an invented negotiation (Velora,
 * Ostrava, Norland): spans, types, negation, hedges, voices, dates, casualties. No database.
 */
import { describe, expect, it } from 'vitest';

import { loadLexicon } from '../../src/suggest/load-lexicon.ts';
import { suggestFacts } from '../../src/suggest/suggest-facts.ts';
import type { KnownGraph, TextSelector } from '../../src/suggest/index.ts';

const TEXT = [
  'Velora demanded that Ostrava withdraw its troops from the Tarn valley.',
  'Ostrava did not reject the demand, but Marvik reportedly refused to sign a written text on Tuesday.',
  'The talks, mediated by Norland, resumed in October.',
  'According to Veloran officials, Ostravan artillery shelled the border town of Kessel last month, killing three civilians and injuring five.',
  'Analysts say Ostrava warned that it would close the pass.',
].join(' ');

const GRAPH: KnownGraph = {
  actors: [
    { id: 'velora', name: 'Velora', kind: 'state', aliases: [] },
    { id: 'ostrava', name: 'Ostrava', kind: 'state', aliases: ['Marvik'] },
    { id: 'norland', name: 'Norland', kind: 'state', aliases: [] },
  ],
  nodes: [{ id: 'tarn-talks', label: 'Meeting', text: 'Tarn talks Norland' }],
  relationships: [
    { id: 'norland-MEDIATED-tarn-talks', type: 'MEDIATED', from: 'norland', to: 'tarn-talks' },
  ],
};

// The analyst's extension of the lexicon: two invented demonyms.
const lexicon = loadLexicon();
lexicon.demonyms.Veloran = 'Velora';
lexicon.demonyms.Ostravan = 'Ostrava';

const result = suggestFacts(TEXT, GRAPH, lexicon);
const rels = result.relationships;
const spanOk = (s: TextSelector) =>
  TEXT.slice(s.start, s.end) === s.exact &&
  TEXT.slice(0, s.start).endsWith(s.prefix) &&
  TEXT.slice(s.end).startsWith(s.suffix);

describe('suggestFacts on an invented negotiation', () => {
  it('gives every suggestion a selector whose slice of the text is its exact quote', () => {
    const selectors = [
      ...result.actors.map((a) => a.selector),
      ...result.newActors.map((a) => a.selector),
      ...result.dates.map((d) => d.selector),
      ...result.casualties.map((c) => c.selector),
      ...rels.map((r) => r.evidence.selector),
    ];
    expect(selectors.length).toBeGreaterThan(15);
    for (const s of selectors) expect(spanOk(s), JSON.stringify(s)).toBe(true);
  });

  it('codes demand, refusal and mediation into the graph relationship types with their agents', () => {
    const demanded = rels.find((r) => r.type === 'DEMANDED');
    expect(demanded).toMatchObject({
      from: { kind: 'Actor', id: 'velora' },
      to: { kind: 'Demand', id: null },
      negated: false,
    });
    expect(demanded?.to.text).toMatch(/^that Ostrava withdraw its troops/);
    expect(rels.find((r) => r.type === 'MEDIATED')).toMatchObject({
      from: { id: 'norland' },
      to: { kind: 'Meeting' },
    });
  });

  it('marks "did not reject" as negated and a "reportedly" refusal as hedged and reported', () => {
    const rejections = rels.filter((r) => r.type === 'REJECTED');
    expect(rejections.map((r) => [r.trigger, r.negated])).toEqual([
      ['reject', true],
      ['refused', false],
    ]);
    const refused = rejections[1]!;
    expect(refused).toMatchObject({
      from: { id: 'ostrava' },
      hedged: true,
      evidence: { framing: 'REPORTED' },
    });
    expect(refused.confidence).toBeGreaterThan(rejections[0]!.confidence);
  });

  it('resolves names, a capital listed as alias and demonyms to actors, and proposes unknown names', () => {
    const by = (exact: string) => result.actors.find((a) => a.selector.exact === exact);
    expect(by('Marvik')).toMatchObject({ actorId: 'ostrava', resolvedBy: 'alias' });
    expect(by('Veloran')).toMatchObject({ actorId: 'velora', resolvedBy: 'demonym' });
    expect(by('Ostravan')).toMatchObject({ actorId: 'ostrava', resolvedBy: 'demonym' });
    expect(result.newActors.map((a) => a.name)).toContain('Kessel');
    expect(result.newActors.map((a) => a.name)).not.toContain('Velora');
  });

  it('attributes a shelling told by one side as BLAMED_FOR the other, in that side’s voice', () => {
    const blamed = rels.find((r) => r.type === 'BLAMED_FOR');
    expect(blamed).toMatchObject({
      from: { id: 'ostrava' },
      to: { kind: 'Incident' },
      kind: 'shelling',
      blamedBy: 'velora',
      evidence: { framing: 'REPORTED', voice: { text: 'Veloran officials', actorId: 'velora' } },
      casualties: { killed: 3, injured: 5, text: 'killing three civilians and injuring five' },
    });
    expect(rels.find((r) => r.type === 'ACCUSED')).toMatchObject({ from: { id: 'velora' } });
  });

  it('frames "analysts say" as an assessment and codes a warning as a STATED warning', () => {
    expect(rels.find((r) => r.type === 'STATED')).toMatchObject({
      from: { id: 'ostrava' },
      kind: 'warning',
      evidence: { framing: 'ASSESSMENT', voice: { text: 'Analysts' } },
    });
  });

  it('keeps dates as stated with their precision', () => {
    expect(result.dates.map((d) => [d.text, d.precision])).toEqual([
      ['Tuesday', 'WEEKDAY'],
      ['October', 'MONTH'],
      ['last month', 'MONTH'],
    ]);
  });

  it('names the relationship the graph already holds, so the text corroborates it', () => {
    const existing = rels.find((r) => r.type === 'MEDIATED');
    // the sentence names neither Tarn nor the meeting: no corroboration is claimed
    expect(existing?.existingId).toBeNull();
    const again = suggestFacts('The Tarn talks were mediated by Norland.', GRAPH, lexicon);
    expect(again.relationships[0]).toMatchObject({
      existingId: 'norland-MEDIATED-tarn-talks',
      to: { id: 'tarn-talks' },
    });
  });
});
