/**
 * The held-out evaluation: short texts about an invented negotiation with hand-labelled
 * relationships (tests/fixtures/suggest-heldout.yaml), scored by the same rule as the seed
 * reports (bench/suggest-score.ts). Needs no report texts and no database.
 *
 * Contract: throws when the fixture is malformed or a label's quote is not verbatim in its
 * text, so a label can never silently drop out of the score.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

import { projectRoot } from '../src/config/project-root.ts';
import { suggestFacts } from '../src/suggest/suggest-facts.ts';
import type { FactSuggestions, KnownGraph } from '../src/suggest/suggestion-types.ts';
import { locate, score, type GoldRelationship, type Scored } from './suggest-score.ts';

const heldOutPath = path.join(projectRoot, 'tests', 'fixtures', 'suggest-heldout.yaml');

const FixtureSchema = z.strictObject({
  actors: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      kind: z.string(),
      aliases: z.array(z.string()).default([]),
    }),
  ),
  reports: z.array(
    z.strictObject({
      id: z.string(),
      text: z.string(),
      expected: z.array(
        z.strictObject({ type: z.string(), from: z.string(), quote: z.string().min(1) }),
      ),
    }),
  ),
});

export interface HeldOutReport {
  id: string;
  text: string;
  gold: GoldRelationship[];
  suggestions: FactSuggestions;
  scored: Scored;
}

export function runHeldOut(types: string[], file: string = heldOutPath): HeldOutReport[] {
  const fixture = FixtureSchema.parse(parse(readFileSync(file, 'utf8')));
  // the graph knows the actors only: every relationship of the texts is new to it
  const graph: KnownGraph = { actors: fixture.actors, nodes: [], relationships: [] };
  return fixture.reports.map((r) => {
    const gold = r.expected.map((e, k): GoldRelationship => {
      const spans = locate(r.text, e.quote);
      if (spans.length === 0) throw new Error(`${file}: ${r.id} label ${k}: quote not in text`);
      if (!fixture.actors.some((a) => a.id === e.from))
        throw new Error(`${file}: ${r.id} label ${k}: unknown actor ${e.from}`);
      // each label is its own relationship: its target is the clause it quotes
      return { type: e.type, from: e.from, to: `${r.id}#${k}`, spans, quote: e.quote };
    });
    const suggestions = suggestFacts(r.text, graph);
    return {
      id: r.id,
      text: r.text,
      gold,
      suggestions,
      scored: score(types, gold, suggestions.relationships),
    };
  });
}
