/**
 * `suggestFacts(text)`: reads the known graph (one bounded query), runs the suggester on
 * the text and shapes enum values for GraphQL. A later `suggestFacts(sourceId)` variant
 * only needs to read the stored text and call the same function.
 */
import { badUserInput } from '../errors.ts';
import { readKnownGraph } from '../suggest/read-known-graph.ts';
import { suggestFacts } from '../suggest/suggest-facts.ts';
import type { FactSuggestions } from '../suggest/suggestion-types.ts';
import type { GraphContext } from './context.ts';

/** Longest text accepted (characters): about 8,000 words, a long article. */
export const MAX_SUGGEST_TEXT = 50_000;

const lowerPrecision = <T extends { precision: string }>(d: T): T => ({
  ...d,
  precision: d.precision.toLowerCase(),
});

export async function resolveSuggestFacts(
  _: unknown,
  args: { text: string },
  ctx: GraphContext,
): Promise<unknown> {
  if (args.text.length > MAX_SUGGEST_TEXT) {
    throw badUserInput(
      `text is ${args.text.length} characters; at most ${MAX_SUGGEST_TEXT} are accepted`,
      'text',
    );
  }
  if (args.text.trim() === '') throw badUserInput('text is empty', 'text');
  const s: FactSuggestions = suggestFacts(args.text, await readKnownGraph(ctx.reader));
  return {
    ...s,
    actors: s.actors.map((a) => ({ ...a, resolvedBy: a.resolvedBy.toUpperCase() })),
    dates: s.dates.map(lowerPrecision),
    relationships: s.relationships.map((r) => ({
      ...r,
      date: r.date && lowerPrecision(r.date),
      // Framing is the model's enum: GraphQL ON_RECORD is stored (and resolved) as on_record.
      evidence: { ...r.evidence, framing: r.evidence.framing.toLowerCase() },
    })),
  };
}
