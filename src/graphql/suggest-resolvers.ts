/**
 * `suggestFacts(source | text)`: takes the text given, or a stored report's text (read with
 * the right to read the graph), reads the known graph (one bounded query), runs the
 * suggester on the text and shapes enum values for GraphQL. For a stored report, the graph
 * may already hold its facts: those candidates name the existing node or relationship.
 */
import { badUserInput } from '../errors.ts';
import { readKnownGraph } from '../suggest/read-known-graph.ts';
import { corroborateFromReport } from '../suggest/corroborate-report.ts';
import { readReportRelationships, readReportText } from '../suggest/read-report-text.ts';
import { suggestFacts } from '../suggest/suggest-facts.ts';
import type { FactSuggestions } from '../suggest/suggestion-types.ts';
import type { GraphContext } from './context.ts';

/** Longest text accepted (characters): about 8,000 words, a long article. */
export const MAX_SUGGEST_TEXT = 50_000;

const lowerPrecision = <T extends { precision: string }>(d: T): T => ({
  ...d,
  precision: d.precision.toLowerCase(),
});

/** The text to suggest from: exactly one of `source` and `text`. */
async function textOf(
  args: { source?: string | null; text?: string | null },
  ctx: GraphContext,
): Promise<string> {
  const hasSource = args.source !== undefined && args.source !== null;
  const hasText = args.text !== undefined && args.text !== null;
  if (hasSource === hasText)
    throw badUserInput(
      "give exactly one of source (a stored report's id) and text (a report's text)",
      hasSource ? 'source' : 'text',
    );
  if (hasSource) {
    // The context already checks every request; stated here because this reads a report's text.
    ctx.auth.requireRead(ctx.principal);
    const found = await readReportText(ctx.reader, args.source!, ctx.reportsDir);
    if (found.kind === 'unknown') throw badUserInput(`unknown report '${args.source}'`, 'source');
    if (found.kind === 'no-text') throw badUserInput(found.reason, 'source');
    return found.text;
  }
  const text = args.text!;
  if (text.length > MAX_SUGGEST_TEXT) {
    throw badUserInput(
      `text is ${text.length} characters; at most ${MAX_SUGGEST_TEXT} are accepted`,
      'text',
    );
  }
  if (text.trim() === '') throw badUserInput('text is empty', 'text');
  return text;
}

export async function resolveSuggestFacts(
  _: unknown,
  args: { source?: string | null; text?: string | null },
  ctx: GraphContext,
): Promise<unknown> {
  const text = await textOf(args, ctx);
  const graph = await readKnownGraph(ctx.reader);
  const s: FactSuggestions = suggestFacts(text, graph);
  if (args.source)
    corroborateFromReport(
      s.relationships,
      await readReportRelationships(ctx.reader, args.source),
      graph,
    );
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
