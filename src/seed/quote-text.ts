/**
 * Quote matching: a quote must occur in its report verbatim, normalising only whitespace
 * and the typographic forms of quote marks and apostrophes.
 */
export function normaliseForQuote(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u2032`]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

export function quoteOccursIn(quote: string, reportText: string): boolean {
  return normaliseForQuote(reportText).includes(normaliseForQuote(quote));
}
