/**
 * Compiles the lexicon into trigger patterns and finds them in a sentence. A word matches a
 * lexicon lemma when the token's lemma is it, or the token is one of its regular
 * inflections (mediate → mediated, mediates, mediating; shell → shelled), so participles
 * tagged as adjectives ("Turkey-mediated") match too.
 */
import type { Sentence, Token } from './analyse-text.ts';
import type { EventEntry, IncidentEntry, Lexicon } from './load-lexicon.ts';

export interface Trigger {
  /** Index of the first and last token of the match. */
  first: number;
  last: number;
  form: 'verb' | 'noun' | 'phrase';
  event: EventEntry | null;
  incident: IncidentEntry | null;
}

interface Pattern {
  words: string[][];
  form: Trigger['form'];
  event: EventEntry | null;
  incident: IncidentEntry | null;
}

export function inflections(lemma: string): string[] {
  const stem = lemma.endsWith('e') ? lemma.slice(0, -1) : lemma;
  const last = lemma.at(-1) ?? '';
  const forms = [
    lemma,
    `${lemma}s`,
    `${lemma}es`,
    `${stem}ed`,
    `${stem}ing`,
    `${lemma}${last}ed`,
    `${lemma}${last}ing`,
  ];
  if (lemma.endsWith('y')) forms.push(`${lemma.slice(0, -1)}ied`, `${lemma.slice(0, -1)}ies`);
  return forms;
}

const wordForms = (word: string) => (word.includes(' ') ? [word] : inflections(word.toLowerCase()));

export function compilePatterns(lexicon: Lexicon): Pattern[] {
  const patterns: Pattern[] = [];
  const add = (
    list: string[],
    form: Pattern['form'],
    event: EventEntry | null,
    incident: IncidentEntry | null,
    extra: string[] = [],
  ) => {
    for (const entry of list) {
      const words = entry
        .toLowerCase()
        .split(/\s+/)
        .map((w, k, all) => (k === 0 || k === all.length - 1 ? wordForms(w) : [w]));
      if (words.length === 1) words[0]!.push(...extra);
      // a multi-word noun ("drone strike", "good offices") is still a noun: its agent is
      // found as a noun's is; other multi-word entries are verb phrases ("call for")
      patterns.push({
        words,
        form: words.length > 1 && form !== 'noun' ? 'phrase' : form,
        event,
        incident,
      });
    }
  };
  for (const e of lexicon.events) {
    add(e.phrases, 'phrase', e, null);
    add(e.verbs, 'verb', e, null, e.forms);
    add(e.nouns, 'noun', e, null);
  }
  for (const inc of lexicon.incidents) {
    add(inc.verbs, 'verb', null, inc);
    add(inc.nouns, 'noun', null, inc);
  }
  // longer patterns first, so "drone strike" wins over "strike"
  return patterns.sort((a, b) => b.words.length - a.words.length);
}

const CONTENT = new Set(['VERB', 'NOUN', 'ADJ', 'PROPN', 'ADV', 'ADP', 'PART']);

function matches(token: Token | undefined, forms: string[]): boolean {
  return !!token && (forms.includes(token.lemma) || forms.includes(token.lower));
}

export function findTriggers(sentence: Sentence, patterns: Pattern[]): Trigger[] {
  const out: Trigger[] = [];
  const tokens = sentence.tokens;
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    const p = CONTENT.has(t.pos)
      ? patterns.find(
          (q) => q.words.every((forms, k) => matches(tokens[i + k], forms)) && posFits(q, t),
        )
      : undefined;
    if (!p) {
      i++;
      continue;
    }
    out.push({
      first: i,
      last: i + p.words.length - 1,
      form: p.form,
      event: p.event,
      incident: p.incident,
    });
    i += p.words.length;
  }
  return out;
}

function posFits(p: Pattern, t: Token): boolean {
  if (p.form === 'phrase' || p.words.length > 1) return true;
  if (p.form === 'verb') return t.pos === 'VERB' || t.pos === 'ADJ';
  return t.pos === 'NOUN' || t.pos === 'PROPN';
}
