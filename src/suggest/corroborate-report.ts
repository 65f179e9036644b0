/**
 * Corroboration for a stored report: the graph may already hold the facts this very report
 * states (a seed report, or one whose facts were recorded). A candidate names such a
 * relationship when its type and source actor match and one of the relationship's quotes
 * from this report lies within the candidate's sentence (or holds it): the analyst sees the
 * fact as recorded instead of being offered a duplicate.
 */
import { normaliseForQuote } from '../seed/quote-text.ts';
import type { KnownGraph, RelationshipCandidate } from './suggestion-types.ts';

/** A relationship the graph holds with the quotes one report gives for it. */
export interface ReportRelationship {
  id: string;
  type: string;
  from: string;
  to: string;
  quotes: string[];
}

export function corroborateFromReport(
  candidates: RelationshipCandidate[],
  stated: ReportRelationship[],
  graph: KnownGraph,
): void {
  const names = new Map(graph.nodes.map((n) => [n.id, n]));
  for (const c of candidates) {
    if (c.existingId !== null || c.from.id === null) continue;
    const sentence = normaliseForQuote(c.evidence.quote);
    const match = stated.find(
      (r) =>
        r.type === c.type &&
        r.from === c.from.id &&
        r.quotes.some((q) => {
          const quote = normaliseForQuote(q);
          return quote !== '' && (sentence.includes(quote) || quote.includes(sentence));
        }),
    );
    if (!match) continue;
    const node = names.get(match.to);
    c.existingId = match.id;
    c.to = { ...c.to, id: match.to, text: node?.text ?? match.to };
  }
}
