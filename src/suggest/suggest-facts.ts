/**
 * Suggests the facts of a report's text: actor mentions (and new-actor candidates),
 * candidate relationships in the graph's own types, dates as stated, casualty figures —
 * each with a verbatim quote and a W3C selector into `text`. Pure: reads nothing but its
 * arguments, writes nothing; the analyst accepts, edits or discards each suggestion.
 *
 * Contract: for every selector s returned, text.slice(s.start, s.end) === s.exact.
 */
import { analyseText } from './analyse-text.ts';
import type { CodingContext } from './coding-context.ts';
import { codeRelationships } from './code-relationships.ts';
import { isActualIncident } from './event-filters.ts';
import { corroborate } from './corroborate.ts';
import { detectFraming } from './detect-framing.ts';
import { findCasualties } from './find-casualties.ts';
import { findDates } from './find-dates.ts';
import { findDeonticDemands } from './find-deontic-demands.ts';
import { loadLexicon, type Lexicon } from './load-lexicon.ts';
import { compilePatterns, findTriggers } from './match-lexicon.ts';
import { buildActorIndex, findMentions, findParties, type Mention } from './resolve-actors.ts';
import type { FactSuggestions, KnownGraph, RelationshipCandidate } from './suggestion-types.ts';
import { selectorFor } from './text-selector.ts';

let defaultLexicon: Lexicon | undefined;

export function suggestFacts(text: string, graph: KnownGraph, lexicon?: Lexicon): FactSuggestions {
  const lex = lexicon ?? (defaultLexicon ??= loadLexicon());
  const index = buildActorIndex(graph.actors, lex);
  const patterns = compilePatterns(lex);
  const result: FactSuggestions = {
    actors: [],
    newActors: [],
    relationships: [],
    dates: [],
    casualties: [],
  };
  const earlier: Mention[] = [];
  const seenNew = new Set<string>();
  const actorName = (id: string) => index.actors.get(id)?.name ?? id;

  const sentences = analyseText(text);
  const parties = findParties(text, sentences, index);
  let earlierIncident = false;
  for (const sentence of sentences) {
    const { mentions, unknown } = findMentions(text, sentence, index);
    for (const m of mentions) {
      result.actors.push({
        actorId: m.actorId,
        name: m.name,
        resolvedBy: m.resolvedBy,
        selector: selectorFor(text, m.start, m.end),
      });
    }
    const dates = findDates(text, sentence, lex).map((d) => ({
      text: d.text,
      precision: d.precision,
      selector: selectorFor(text, d.start, d.end),
    }));
    const dateWords = new Set(dates.map((d) => d.selector.start));
    for (const u of unknown) {
      // a lone capitalised word opening a sentence is too often a common word mis-tagged
      if (dateWords.has(u.start) || seenNew.has(u.name) || (u.first === 0 && u.last === 0))
        continue;
      seenNew.add(u.name);
      result.newActors.push({
        name: u.name,
        selector: selectorFor(text, u.start, u.end),
        sentence: selectorFor(text, sentence.start, sentence.end),
        confidence: u.last > u.first ? 0.6 : 0.4,
      });
    }
    result.dates.push(...dates);
    const casualties = findCasualties(text, sentence, lex).map((c) => ({
      killed: c.killed,
      injured: c.injured,
      text: c.text,
      selector: selectorFor(text, c.start, c.end),
    }));
    result.casualties.push(...casualties);

    const framing = detectFraming(text, sentence, mentions, lex);
    // headlines restate the body: their facts are suggested from the body's sentences
    const triggers = sentence.headline ? [] : findTriggers(sentence, patterns);
    const incidentInSentence = triggers.some(
      (t) => t.incident !== null && isActualIncident(sentence.tokens, t),
    );
    const ctx: CodingContext = {
      text,
      sentence,
      mentions,
      framing,
      lexicon: lex,
      earlier,
      parties,
      incidentInSentence,
      earlierIncident,
      actorName,
      actorKind: (id) => index.actors.get(id)?.kind ?? '',
    };
    const coded = codeRelationships(ctx, triggers);
    if (!sentence.headline) coded.push(...findDeonticDemands(ctx, coded));
    earlierIncident = incidentInSentence;
    const quote = selectorFor(text, sentence.start, sentence.end);
    for (const c of coded) {
      const candidate: RelationshipCandidate = {
        type: c.type,
        from: c.from,
        to: c.to,
        kind: c.kind,
        trigger: text.slice(
          sentence.tokens[c.trigger.first]!.start,
          sentence.tokens[c.trigger.last]!.end,
        ),
        negated: c.negated,
        hedged: framing.hedged,
        blamedBy: c.blamedBy,
        date: dates[0] ?? null,
        casualties: c.to.kind === 'Incident' ? (casualties[0] ?? null) : null,
        evidence: {
          quote: quote.exact,
          selector: quote,
          framing: framing.framing,
          voice: framing.voice,
        },
        confidence: c.confidence,
        existingId: null,
      };
      corroborate(candidate, quote.exact, graph);
      result.relationships.push(candidate);
    }
    earlier.push(...mentions);
  }
  return result;
}
