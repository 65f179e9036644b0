/**
 * Corroboration: where the graph already holds a suggested fact, the candidate names the
 * existing relationship (and its target node), so recording it adds this report as one
 * more source instead of a duplicate. A relationship matches when its type and source
 * actor match and its target is the suggested one: the same id, or a node whose name or
 * summary shares more than half of its content words (other than the actor's name) with the candidate's sentence.
 */
import type { KnownGraph, KnownNode, RelationshipCandidate } from './suggestion-types.ts';

const STOP = new Set(
  'the a an of to in on for and or with from by at as its it be is are was were that this these those their his her not any'.split(
    ' ',
  ),
);

export function contentWords(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 2 && !STOP.has(w))
      .map((w) => w.replace(/(ing|ed|es|s)$/, '')),
  );
}

function overlap(node: KnownNode, sentenceWords: Set<string>): number {
  const words = contentWords(node.text);
  if (words.size === 0) return 0;
  let shared = 0;
  for (const w of words) if (sentenceWords.has(w)) shared++;
  return shared / words.size;
}

export const CORROBORATION_THRESHOLD = 0.5;

export function corroborate(
  candidate: RelationshipCandidate,
  sentence: string,
  graph: KnownGraph,
): void {
  if (!candidate.from.id) return;
  // the actor's own name is in the sentence anyway: it says nothing about the target
  const words = contentWords(sentence);
  for (const w of contentWords(candidate.from.text)) words.delete(w);
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  let best: { id: string; to: string; score: number } | null = null;
  for (const r of graph.relationships) {
    if (r.type !== candidate.type || r.from !== candidate.from.id) continue;
    const node = nodes.get(r.to);
    if (!node) continue;
    const score = overlap(node, words);
    if (score > CORROBORATION_THRESHOLD && (!best || score > best.score))
      best = { id: r.id, to: r.to, score };
  }
  if (best) {
    candidate.existingId = best.id;
    candidate.to = { ...candidate.to, id: best.to, text: nodes.get(best.to)!.text };
  }
}
