/**
 * The held-out evaluation (tests/fixtures/suggest-heldout.yaml, texts on an invented
 * negotiation the suggester was not tuned on) and the scoring rule the benchmark uses for it
 * and for the seed reports. No database.
 */
import { describe, expect, it } from 'vitest';

import { runHeldOut } from '../../bench/suggest-heldout.ts';
import { matches, score, type GoldRelationship } from '../../bench/suggest-score.ts';
import type { RelationshipCandidate } from '../../src/suggest/index.ts';

const TARGETS = ['DEMANDED', 'REJECTED', 'MEDIATED', 'BLAMED_FOR'];
const reports = runHeldOut(TARGETS);
const byId = (id: string) => reports.find((r) => r.id === id)!;
const rels = (id: string) => byId(id).suggestions.relationships;

function candidate(
  over: Partial<RelationshipCandidate> & { start: number; end: number },
): RelationshipCandidate {
  const { start, end, ...rest } = over;
  const base: RelationshipCandidate = {
    type: 'DEMANDED',
    from: { kind: 'Actor', id: 'a', text: 'A' },
    to: { kind: 'Demand', id: null, text: '' },
    kind: null,
    trigger: 'demanded',
    negated: false,
    hedged: false,
    blamedBy: null,
    date: null,
    casualties: null,
    evidence: {
      quote: `s${start}`,
      selector: { exact: '', prefix: '', suffix: '', start, end },
      framing: 'REPORTER',
      voice: null,
    },
    confidence: 0.7,
    existingId: null,
  };
  return { ...base, ...rest };
}

describe('the scoring rule of bench:suggest', () => {
  const gold: GoldRelationship = {
    type: 'DEMANDED',
    from: 'a',
    to: 'd1',
    spans: [[10, 20]],
    quote: 'q',
  };

  it('matches a candidate of the same type and source whose sentence overlaps the quote', () => {
    expect(matches(candidate({ start: 0, end: 11 }), gold)).toBe(true);
    expect(matches(candidate({ start: 20, end: 30 }), gold)).toBe(false);
    expect(matches(candidate({ start: 0, end: 30, type: 'REJECTED' }), gold)).toBe(false);
    const other = candidate({ start: 0, end: 30, from: { kind: 'Actor', id: 'b', text: 'B' } });
    expect(matches(other, gold)).toBe(false);
  });

  it('requires the resolved target to be the curated one when the suggester names a node', () => {
    const resolved = (id: string) =>
      candidate({ start: 100, end: 120, to: { kind: 'Demand', id, text: '' } });
    expect(matches(resolved('d1'), gold)).toBe(true);
    expect(matches(resolved('d2'), gold)).toBe(false);
  });

  it('does not count negated candidates, and counts a repeated sentence once', () => {
    const s = score(
      ['DEMANDED'],
      [gold],
      [
        candidate({ start: 0, end: 15, negated: true }),
        candidate({ start: 0, end: 15 }),
        candidate({ start: 0, end: 15 }),
      ],
    );
    expect(s.byType.get('DEMANDED')).toEqual({
      gold: 1,
      found: 1,
      cand: 1,
      correct: 1,
      sameActor: 1,
    });
  });
});

describe('the suggester on the held-out texts', () => {
  it('gives every candidate a selector whose slice of the text is its quote', () => {
    for (const r of reports)
      for (const c of r.suggestions.relationships) {
        const s = c.evidence.selector;
        expect(r.text.slice(s.start, s.end)).toBe(s.exact);
        expect(s.exact).toBe(c.evidence.quote);
      }
  });

  it('blames the subject of a passive "was blamed by", in the accuser’s name', () => {
    const blamed = rels('heldout-f').find(
      (c) => c.type === 'BLAMED_FOR' && c.from.id === 'karvian-army',
    );
    expect(blamed).toMatchObject({ blamedBy: 'tamaran', negated: false });
  });

  it('codes "X and Y blamed each other" as two blames and two accusations', () => {
    const line = 'Karvia and Tamaran blamed each other';
    const each = rels('heldout-f').filter((c) => c.evidence.quote.includes(line));
    expect(each.filter((c) => c.type === 'BLAMED_FOR').map((c) => [c.from.id, c.blamedBy])).toEqual(
      expect.arrayContaining([
        ['karvia', 'tamaran'],
        ['tamaran', 'karvia'],
      ]),
    );
    expect(each.filter((c) => c.type === 'ACCUSED')).toHaveLength(2);
  });

  it('marks "did not reject" as negated and "reportedly pressed" as a hedged demand', () => {
    const notRejected = rels('heldout-c').find((c) => c.type === 'REJECTED');
    expect(notRejected).toMatchObject({ negated: true, from: { id: 'karvia' } });
    const pressed = rels('heldout-d').find((c) => c.trigger === 'pressed');
    expect(pressed).toMatchObject({ type: 'DEMANDED', hedged: true, from: { id: 'tamaran' } });
  });

  it('does not code a denial of a role as a rejection', () => {
    const denial = rels('heldout-c').filter((c) => c.evidence.quote.startsWith('The group denied'));
    expect(denial.map((c) => c.type)).not.toContain('REJECTED');
  });

  it('scores every label: recall and precision are computed over all of them', () => {
    const gold = reports.reduce((n, r) => n + r.gold.length, 0);
    const tallied = reports.reduce(
      (n, r) => n + [...r.scored.byType.values()].reduce((m, t) => m + t.gold, 0),
      0,
    );
    expect(tallied).toBe(gold);
    expect(gold).toBeGreaterThanOrEqual(25);
  });
});
