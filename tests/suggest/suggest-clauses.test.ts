/**
 * Clause-level rules of the suggester, each on a sentence written for the test (invented
 * actors): light verbs, evaluative insertions, addressees, reported obligations,
 * hypotheticals, headlines, mojibake names. No database.
 */
import { describe, expect, it } from 'vitest';

import { suggestFacts } from '../../src/suggest/suggest-facts.ts';
import type { KnownGraph } from '../../src/suggest/index.ts';

const GRAPH: KnownGraph = {
  actors: [
    { id: 'arland', name: 'Arland', kind: 'state', aliases: ['Tessa'] },
    { id: 'bevia', name: 'Bevia', kind: 'state', aliases: ['Corm'] },
    { id: 'dalmar', name: 'Dalmar', kind: 'state', aliases: [] },
    { id: 'sefa-oğuz', name: 'Sefa Oğuz', kind: 'person', aliases: [] },
    { id: 'ria-holm', name: 'Ria Holm', kind: 'person', aliases: [] },
  ],
  nodes: [],
  relationships: [],
};
const PARTIES = 'Talks between Arland and Bevia resumed in Dalmar. ';
const coded = (text: string) =>
  suggestFacts(PARTIES + text, GRAPH).relationships.filter(
    (r) => r.evidence.selector.start >= PARTIES.length,
  );
const pairs = (text: string) => coded(text).map((r) => [r.type, r.from.id, r.negated]);

describe('clause-level coding', () => {
  it('takes an event noun’s agent from a light verb, past "what X described as"', () => {
    expect(
      pairs('The round failed after Arland made what Bevia described as an absurd demand.'),
    ).toEqual([['DEMANDED', 'arland', false]]);
  });

  it('does not make the subject of another verb the agent of an event noun it governs', () => {
    expect(pairs('Bevia could not agree to the harsh conditions.').map((p) => p[0])).not.toContain(
      'DEMANDED',
    );
  });

  it('never makes the addressee of a demand its agent: between two parties it is the other’s', () => {
    expect(
      pairs('Arland’s offer was met by counter-demands, pressing for Tessa to cut tariffs.'),
    ).toContainEqual(['DEMANDED', 'bevia', false]);
  });

  it('reads an obligation in a known speaker’s reported words as the speaker’s demand', () => {
    expect(pairs('Ria Holm said that Bevia must reopen the border crossing.')).toContainEqual([
      'DEMANDED',
      'ria-holm',
      false,
    ]);
    // the speaker's own obligation is a commitment, not a demand
    expect(
      pairs('Ria Holm said that we must reopen the border crossing.').map((p) => p[0]),
    ).not.toContain('DEMANDED');
  });

  it('drops hypothetical events and gerunds under a modal', () => {
    expect(pairs('Bevia would reject any new tariff.')).toEqual([]);
    expect(
      pairs('For Corm, rejecting the plan may cost it support.').map((p) => p[0]),
    ).not.toContain('REJECTED');
  });

  it('drops a demand noun in apposition, which restates the demand just told', () => {
    const found = pairs('Arland demanded that Bevia pay damages, a condition Corm rejected.');
    expect(found).toEqual([
      ['DEMANDED', 'arland', false],
      ['REJECTED', 'bevia', false],
    ]);
  });

  it('codes no relationship from a title-case headline line, but still finds its actors', () => {
    const text =
      'Bevia Rejects Arland Demands Amid Tensions\nBevia rejected the demands on Monday.';
    const s = suggestFacts(text, GRAPH);
    expect(s.relationships.every((r) => r.evidence.selector.start > text.indexOf('\n'))).toBe(true);
    expect(s.relationships.map((r) => r.type)).toContain('REJECTED');
    expect(s.actors.filter((a) => a.selector.start < text.indexOf('\n'))).toHaveLength(2);
  });

  it('resolves a name whose UTF-8 was read as Windows-1252 in the capture', () => {
    const s = suggestFacts('Sefa OÄŸuz urged Bevia to return to the table.', GRAPH);
    expect(s.actors[0]).toMatchObject({ actorId: 'sefa-oğuz', selector: { exact: 'Sefa OÄŸuz' } });
    expect(s.relationships[0]).toMatchObject({ type: 'DEMANDED', from: { id: 'sefa-oğuz' } });
  });

  it('takes the subject of an active mediation verb as the mediator, and no agent for a bare participle', () => {
    expect(pairs('Dalmar has brokered a truce.')).toEqual([['MEDIATED', 'dalmar', false]]);
    expect(pairs('The truce, brokered last year, held.')).toEqual([]);
  });

  it('takes the agent of a passive rejection from its by-phrase', () => {
    expect(pairs("Arland's call for talks was dismissed by Corm.")).toEqual([
      ['DEMANDED', 'arland', false],
      ['REJECTED', 'bevia', false],
    ]);
  });

  it('keeps the mediators apart from the parties in a "X-Y mediation" compound', () => {
    const r = coded('Dalmar withdrew from the Arland-Bevia mediation this week.');
    const mediators = r.filter((c) => c.type === 'MEDIATED').map((c) => c.from.id);
    expect(mediators).not.toContain('arland');
    expect(mediators).not.toContain('bevia');
  });
});
