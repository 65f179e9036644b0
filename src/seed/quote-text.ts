/**
 * The normalisation quote matching uses: a quote must occur in its report verbatim,
 * normalising only whitespace and the typographic forms of quote marks and apostrophes
 * (src/write/quote-selector.ts locates a quote under it; the one planner checks with it).
 */
export function normaliseForQuote(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u2032`]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}
