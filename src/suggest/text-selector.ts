/**
 * W3C Web Annotation selectors for a span of a text: a TextQuoteSelector (exact, prefix,
 * suffix) and a TextPositionSelector (start, end) in one object.
 * Contract: text.slice(start, end) === exact, always; anything else throws.
 */
export interface TextSelector {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

/** Characters of context kept on each side (enough to re-anchor a quote that repeats). */
export const SELECTOR_CONTEXT = 32;

export function selectorFor(text: string, start: number, end: number): TextSelector {
  if (!(
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    0 <= start &&
    start < end &&
    end <= text.length
  )) {
    throw new RangeError(`selector [${start}, ${end}) is outside the text (length ${text.length})`);
  }
  const exact = text.slice(start, end);
  return {
    exact,
    prefix: text.slice(Math.max(0, start - SELECTOR_CONTEXT), start),
    suffix: text.slice(end, end + SELECTOR_CONTEXT),
    start,
    end,
  };
}
