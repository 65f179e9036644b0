/**
 * Loads and validates the suggester's lexicon (lexicon.yaml beside this file, or another
 * file an analyst names). Contract: returns only a lexicon that passes `LexiconSchema`;
 * anything else throws a LexiconError naming the file, the path of the bad entry and why.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

import { projectRoot } from '../config/project-root.ts';
import { ENUMS } from '../model/enums.ts';
import { SUGGESTED_RELATIONSHIP_TYPES } from './suggestion-types.ts';

/** In src/suggest/ from src/ (tsx) and from the compiled dist/src/ (`npm start`) alike. */
export const defaultLexiconPath = path.join(projectRoot, 'src', 'suggest', 'lexicon.yaml');

const words = z.array(z.string().trim().min(1)).default([]);
const precision = z.enum(['DAY', 'WEEKDAY', 'WEEK', 'MONTH', 'YEAR', 'PERIOD']);

const EventEntrySchema = z.strictObject({
  type: z.enum(SUGGESTED_RELATIONSHIP_TYPES.filter((t) => t !== 'CARRIED_OUT')),
  kind: z.enum(ENUMS.StatementKind).optional(),
  weight: z.number().min(0).max(1).default(0.6),
  agentBy: z.boolean().default(false),
  verbs: words,
  nouns: words,
  phrases: words,
  forms: words,
});

const IncidentEntrySchema = z.strictObject({
  kind: z.enum(ENUMS.IncidentKind),
  verbs: words,
  nouns: words,
});

export const LexiconSchema = z.strictObject({
  version: z.literal(1),
  events: z.array(EventEntrySchema).min(1),
  incidents: z.array(IncidentEntrySchema).default([]),
  casualties: z.strictObject({ killed: words, injured: words, none: words }),
  negation: words,
  /** Modals that make reported words a demand ("X said Y must…"). */
  deontic: words,
  hedges: z.strictObject({ reported: words, alleged: words }),
  framing: z.strictObject({
    speechVerbs: words,
    confirmVerbs: words,
    reportPhrases: words,
    assessmentSpeakers: words,
    anonymousSpeakers: words,
  }),
  dates: z.strictObject({
    weekdays: words,
    months: words,
    relative: z.array(z.strictObject({ phrase: z.string().min(1), precision })).default([]),
  }),
  demonyms: z.record(z.string().min(1), z.string().min(1)).default({}),
});

export type Lexicon = z.infer<typeof LexiconSchema>;
export type EventEntry = z.infer<typeof EventEntrySchema>;
export type IncidentEntry = z.infer<typeof IncidentEntrySchema>;

export class LexiconError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`Invalid suggestion lexicon ${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'LexiconError';
  }
}

/** Validates an already parsed lexicon; `file` names it in messages. */
export function parseLexicon(data: unknown, file: string): Lexicon {
  const result = LexiconSchema.safeParse(data);
  if (result.success) return result.data;
  throw new LexiconError(
    file,
    result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
  );
}

export function loadLexicon(file: string = defaultLexiconPath): Lexicon {
  let data: unknown;
  try {
    data = parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new LexiconError(file, [(err as Error).message]);
  }
  return parseLexicon(data, file);
}
