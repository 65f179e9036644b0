/**
 * Casualty figures as reported: a number next to a lexicon casualty word ("five people were
 * killed", "killing one civilian and injuring four", "12 dead") and the lexicon's "none"
 * phrases ("no casualties"). Numbers in words up to twenty and tens are read; anything
 * vaguer ("dozens") is left to the analyst.
 */
import type { Sentence, Token } from './analyse-text.ts';
import type { Lexicon } from './load-lexicon.ts';

export interface CasualtySpan {
  killed: number | null;
  injured: number | null;
  text: string;
  start: number;
  end: number;
}

const WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
];
const TENS: Record<string, number> = {
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
};

export function readNumber(token: Token | undefined): number | null {
  if (!token) return null;
  if (/^\d{1,6}$/.test(token.text)) return Number(token.text);
  const w = token.lower;
  const k = WORDS.indexOf(w);
  if (k >= 0) return k;
  return TENS[w] ?? null;
}

const WINDOW = 4;

export function findCasualties(text: string, sentence: Sentence, lexicon: Lexicon): CasualtySpan[] {
  const tokens = sentence.tokens;
  const killed = new Set(lexicon.casualties.killed);
  const injured = new Set(lexicon.casualties.injured);
  let result = null as CasualtySpan | null;
  const widen = (a: number, b: number) => {
    const start = Math.min(result?.start ?? Infinity, a);
    const end = Math.max(result?.end ?? -Infinity, b);
    return { start, end, text: text.slice(start, end) };
  };
  for (const t of tokens) {
    const which = killed.has(t.lemma) ? 'killed' : injured.has(t.lemma) ? 'injured' : null;
    if (!which) continue;
    // the nearest number before (within the clause) or just after the casualty word
    let n: Token | undefined;
    // "killing three", "injuring five": the figure follows a gerund
    const after = t.lower.endsWith('ing') && readNumber(tokens[t.i + 1]) !== null;
    for (let k = t.i - 1; !after && k >= Math.max(0, t.i - WINDOW); k--) {
      const c = tokens[k]!;
      if (c.pos === 'PUNCT' || killed.has(c.lemma) || injured.has(c.lemma)) break;
      if (readNumber(c) !== null && c.pos === 'NUM') {
        n = c;
        break;
      }
    }
    if (!n) {
      for (let k = t.i + 1; k <= Math.min(tokens.length - 1, t.i + WINDOW); k++) {
        const c = tokens[k]!;
        if (c.pos === 'PUNCT') break;
        if (readNumber(c) !== null && c.pos === 'NUM') {
          n = c;
          break;
        }
      }
    }
    if (!n) continue;
    const value = readNumber(n);
    const a = Math.min(n.start, t.start);
    const b = Math.max(n.end, t.end);
    result = { killed: result?.killed ?? null, injured: result?.injured ?? null, ...widen(a, b) };
    if (result[which] === null) result[which] = value;
  }
  const lower = text.slice(sentence.start, sentence.end).toLowerCase();
  for (const phrase of lexicon.casualties.none) {
    const at = lower.indexOf(phrase.toLowerCase());
    if (at >= 0 && !result) {
      const start = sentence.start + at;
      result = {
        killed: null,
        injured: null,
        start,
        end: start + phrase.length,
        text: text.slice(start, start + phrase.length),
      };
    }
  }
  return result ? [result] : [];
}
