/**
 * Finds a quote in its report under the loader's normalisation (src/seed/quote-text.ts:
 * whitespace runs and typographic quote marks) and returns where it is, as the W3C Web
 * Annotation selectors: TextQuoteSelector (exact, prefix, suffix) and TextPositionSelector
 * (start, end: UTF-16 offsets into the stored text, end exclusive).
 */
import { normaliseForQuote } from '../seed/quote-text.ts';

export interface QuoteSelector {
  /** The quote as it stands in the report (original spacing and quote marks). */
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

const CONTEXT = 32;

/** The normalised text and, for each of its characters, the offset it came from. */
function normaliseWithOffsets(text: string): { norm: string; offsets: number[] } {
  let norm = '';
  const offsets: number[] = [];
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      if (!inSpace && norm.length > 0) {
        norm += ' ';
        offsets.push(i);
      }
      inSpace = true;
      continue;
    }
    inSpace = false;
    norm += normaliseForQuote(ch) || ch;
    offsets.push(i);
  }
  return { norm, offsets };
}

/** Normalised texts of the last few reports searched (a seed set quotes 5 reports 1000s of times). */
const prepared = new Map<string, { norm: string; offsets: number[] }>();
const PREPARED_MAX = 16;

function preparedText(text: string): { norm: string; offsets: number[] } {
  let entry = prepared.get(text);
  if (!entry) {
    if (prepared.size >= PREPARED_MAX) prepared.clear();
    prepared.set(text, (entry = normaliseWithOffsets(text)));
  }
  return entry;
}

/** Where `quote` first occurs in `text`, or undefined when it is not there verbatim. */
export function locateQuote(quote: string, text: string): QuoteSelector | undefined {
  const wanted = normaliseForQuote(quote);
  if (wanted === '') return undefined;
  const { norm, offsets } = preparedText(text);
  const at = norm.indexOf(wanted);
  if (at < 0) return undefined;
  const start = offsets[at]!;
  const end = offsets[at + wanted.length - 1]! + 1;
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT), start),
    suffix: text.slice(end, end + CONTEXT),
    start,
    end,
  };
}
