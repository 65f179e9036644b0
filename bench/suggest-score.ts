/**
 * How a suggested relationship is scored against hand-curated ones (the seed graph, or the
 * held-out fixture). One rule for both, stated here and in the README:
 *
 * - Gold: every curated relationship of a scored type that this text supports (has a quote
 *   found verbatim in it). Its places are the spans, in this text, of its own quotes, of the
 *   quotes that state its target node (the demand, meeting, incident), and of the quotes of
 *   other curated relationships with the same target (places where the text names it:
 *   "the Qatar-Turkey facilitation" states Qatar's mediation AND names the talks Turkey
 *   mediated).
 * - Candidates: the suggester's relationships, not negated ("did not reject" is no fact),
 *   counted once per (type, source actor, sentence text) — a capture that repeats a
 *   paragraph, or two triggers in one sentence, do not count twice.
 * - A candidate matches a gold relationship when both endpoints and the type agree: same
 *   type, same source actor, and the same target — the existing node's id when the
 *   suggester resolved the target to one, otherwise (a new node the analyst would create
 *   from the sentence) the candidate's sentence overlaps one of the gold's places.
 * - Recall: gold relationships matched by at least one candidate. Precision: candidates
 *   matching at least one gold relationship. A correct restatement the curators did not
 *   quote (a headline repeating a demand) counts as a false positive: the figures are
 *   strict. `sameActor` counts candidates whose (type, actor) pair the text supports at
 *   all, an upper bound that shows how much of the shortfall is such restatements.
 */
import type { RelationshipCandidate } from '../src/suggest/suggestion-types.ts';

export interface GoldRelationship {
  type: string;
  from: string;
  to: string;
  /** Character spans of the text where the relationship or its target is stated. */
  spans: [number, number][];
  /** A quote of it, for --explain. */
  quote: string;
}

export interface Tally {
  gold: number;
  found: number;
  cand: number;
  correct: number;
  sameActor: number;
}

export const emptyTally = (): Tally => ({ gold: 0, found: 0, cand: 0, correct: 0, sameActor: 0 });

export function addTally(a: Tally, b: Tally): Tally {
  return {
    gold: a.gold + b.gold,
    found: a.found + b.found,
    cand: a.cand + b.cand,
    correct: a.correct + b.correct,
    sameActor: a.sameActor + b.sameActor,
  };
}

/** Every place a quote occurs in the text, comparing whitespace and quote marks loosely. */
export function locate(text: string, quote: string): [number, number][] {
  const norm = (c: string) =>
    /[\u2018\u2019\u201A\u201B\u2032`]/.test(c)
      ? "'"
      : /[\u201C\u201D\u201E\u201F\u2033]/.test(c)
        ? '"'
        : c;
  let flat = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      if (flat.endsWith(' ')) continue;
      flat += ' ';
    } else flat += norm(c);
    map.push(i);
  }
  const q = [...quote.trim().replace(/\s+/g, ' ')].map(norm).join('');
  const spans: [number, number][] = [];
  for (let at = flat.indexOf(q); at >= 0 && q.length > 0; at = flat.indexOf(q, at + 1)) {
    spans.push([map[at]!, map[at + q.length - 1]! + 1]);
  }
  return spans;
}

/** The candidates that are scored: not negated, one per (type, actor, sentence text). */
function scoredCandidates(candidates: RelationshipCandidate[]): RelationshipCandidate[] {
  const seen = new Set<string>();
  return candidates.filter((c) => {
    const key = `${c.type}|${c.from.id}|${c.evidence.quote}`;
    if (c.negated || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function matches(c: RelationshipCandidate, g: GoldRelationship): boolean {
  if (c.type !== g.type || c.from.id !== g.from) return false;
  if (c.to.id !== null) return c.to.id === g.to;
  const { start, end } = c.evidence.selector;
  return g.spans.some(([s, e]) => start < e && s < end);
}

export interface Scored {
  byType: Map<string, Tally>;
  missed: GoldRelationship[];
  extra: RelationshipCandidate[];
}

/** Scores one text's candidates against its gold relationships, per type. */
export function score(
  types: string[],
  gold: GoldRelationship[],
  allCandidates: RelationshipCandidate[],
): Scored {
  const candidates = scoredCandidates(allCandidates).filter((c) => types.includes(c.type));
  const byType = new Map(types.map((t) => [t, emptyTally()]));
  const scoredGold = gold.filter((g) => types.includes(g.type));
  for (const g of scoredGold) {
    const t = byType.get(g.type)!;
    t.gold++;
    if (candidates.some((c) => matches(c, g))) t.found++;
  }
  for (const c of candidates) {
    const t = byType.get(c.type)!;
    t.cand++;
    if (scoredGold.some((g) => matches(c, g))) t.correct++;
    if (scoredGold.some((g) => g.type === c.type && g.from === c.from.id)) t.sameActor++;
  }
  return {
    byType,
    missed: scoredGold.filter((g) => !candidates.some((c) => matches(c, g))),
    extra: candidates.filter((c) => !scoredGold.some((g) => matches(c, g))),
  };
}
