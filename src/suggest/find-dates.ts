/**
 * Dates as stated, with their precision: weekdays ("on Tuesday", "last Friday" → WEEKDAY),
 * months ("in October" → MONTH; "October 12" → DAY), and the lexicon's relative phrases
 * ("last month", "earlier this week"). Nothing is turned into a calendar day.
 */
import type { Sentence } from './analyse-text.ts';
import type { Lexicon } from './load-lexicon.ts';
import type { DatePrecision } from './suggestion-types.ts';

export interface DateSpan {
  text: string;
  precision: DatePrecision;
  start: number;
  end: number;
}

const MODIFIERS = new Set(['last', 'next', 'this', 'early', 'late', 'mid', 'earlier', 'later']);
const MONTH_CUES = new Set([
  'in',
  'since',
  'during',
  'until',
  'by',
  'early',
  'late',
  'mid',
  'of',
  'last',
  'next',
  'this',
]);

export function findDates(text: string, sentence: Sentence, lexicon: Lexicon): DateSpan[] {
  const weekdays = new Set(lexicon.dates.weekdays);
  const months = new Set(lexicon.dates.months);
  const relative = lexicon.dates.relative
    .map((r) => ({ words: r.phrase.toLowerCase().split(/\s+/), precision: r.precision }))
    .sort((a, b) => b.words.length - a.words.length);
  const tokens = sentence.tokens;
  const out: DateSpan[] = [];
  const span = (first: number, last: number, precision: DatePrecision) => {
    const start = tokens[first]!.start;
    const end = tokens[last]!.end;
    out.push({ text: text.slice(start, end), precision, start, end });
  };
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    const rel = relative.find((r) => r.words.every((w, k) => tokens[i + k]?.lower === w));
    if (rel) {
      span(i, i + rel.words.length - 1, rel.precision);
      i += rel.words.length;
      continue;
    }
    const prev = tokens[i - 1];
    const first = prev && MODIFIERS.has(prev.lower) ? i - 1 : i;
    if (weekdays.has(t.text)) {
      span(first, i, 'WEEKDAY');
    } else if (months.has(t.text)) {
      const next = tokens[i + 1];
      const dayOfMonth = next && /^\d{1,2}$/.test(next.text) && Number(next.text) <= 31;
      const year = next && /^\d{4}$/.test(next.text);
      if (dayOfMonth) span(first, i + 1, 'DAY');
      else if (year) span(first, i + 1, 'MONTH');
      else if ((prev && MONTH_CUES.has(prev.lower)) || t.text !== 'May') span(first, i, 'MONTH');
    } else if (
      /^(19|20)\d{2}$/.test(t.text) &&
      prev &&
      ['in', 'since', 'during', 'of'].includes(prev.lower)
    ) {
      span(i, i, 'YEAR');
    }
    i++;
  }
  return out;
}
