/**
 * Where an analyst's quote is in the report's text. A quote must stay a verbatim span: it is
 * found exactly (the server also accepts other spacing and quote marks; this check is
 * stricter), and among several occurrences the one nearest the suggested place is taken.
 */
export const MIN_QUOTE = 8;

export type QuoteCheck = { ok: true; start: number; end: number } | { ok: false; reason: string };

export function checkQuote(quote: string, text: string, near = 0): QuoteCheck {
  if (quote.trim().length < MIN_QUOTE)
    return { ok: false, reason: `A quote needs at least ${MIN_QUOTE} characters of the text.` };
  let best = -1;
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1))
    if (best < 0 || Math.abs(at - near) < Math.abs(best - near)) best = at;
  if (best < 0) {
    const words = quote.trim().split(/\s+/);
    let good = 0;
    while (good < words.length && text.includes(words.slice(0, good + 1).join(' '))) good++;
    const hint =
      good === 0
        ? 'its first word is not in the text'
        : `the text has “${words.slice(0, good).join(' ')}” but not what follows (“${words[good] ?? ''}”…)`;
    return { ok: false, reason: `Not a verbatim span of the text: ${hint}.` };
  }
  return { ok: true, start: best, end: best + quote.length };
}

/** An id for a new node from its name or summary: lower-case words joined by "-". */
export function slugId(text: string, taken: Set<string>): string {
  const words = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, 6);
  const base = words.join('-') || 'fact';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

export const ID_PATTERN = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;
