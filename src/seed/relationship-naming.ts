/**
 * The loader's check that a relationship's quotes state it: one of its quotes must name at
 * least one endpoint, by its name, an alias or its place, or by sharing words with one of the
 * endpoint's own quotes (demands, statements and incidents have no name). A relationship
 * whose quotes name neither endpoint is a warning unless it gives `unnamedBecause`.
 *
 * Matching folds case, accents and typographic quote marks ("Erdogan" names "Erdoğan").
 */
import { normaliseForQuote } from './quote-text.ts';
import type { ParsedSeedFile } from './read-seed-files.ts';
import type { SeedProblem } from './seed-error.ts';

/** What the check needs of a node. */
export interface NamedNode {
  record: Record<string, unknown>;
  evidence: readonly { quote: string }[];
}

/** Consecutive words two quotes must share for one to name the other's node. */
const SHARED_WORDS = 5;

export function foldText(text: string): string {
  return normaliseForQuote(text).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function words(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function sharesRun(a: string, b: string): boolean {
  const wa = words(a);
  const runs = new Set<string>();
  for (let i = 0; i + SHARED_WORDS <= wa.length; i++)
    runs.add(wa.slice(i, i + SHARED_WORDS).join(' '));
  const wb = words(b);
  if (wa.length < SHARED_WORDS || wb.length < SHARED_WORDS) {
    const [fa, fb] = [foldText(a), foldText(b)];
    return fa.includes(fb) || fb.includes(fa);
  }
  for (let i = 0; i + SHARED_WORDS <= wb.length; i++)
    if (runs.has(wb.slice(i, i + SHARED_WORDS).join(' '))) return true;
  return false;
}

/** Whether `quote` names `node`. */
export function quoteNames(quote: string, node: NamedNode): boolean {
  const folded = foldText(quote);
  const { name, aliases, place } = node.record as {
    name?: string;
    aliases?: string[];
    place?: string;
  };
  const names = [name, place, ...(aliases ?? [])].filter((n): n is string => Boolean(n));
  if (names.some((n) => folded.includes(foldText(n)))) return true;
  return node.evidence.some((ev) => sharesRun(quote, ev.quote));
}

export function unnamedEndpointWarnings(
  files: ParsedSeedFile[],
  nodes: ReadonlyMap<string, NamedNode>,
): SeedProblem[] {
  const warnings: SeedProblem[] = [];
  for (const { file, data } of files) {
    (data.relationships ?? []).forEach((rel, i) => {
      if (rel.unnamedBecause !== undefined) return;
      const ends = [nodes.get(rel.from), nodes.get(rel.to)].filter(
        (n): n is NamedNode => n !== undefined,
      );
      if (rel.evidence.some((ev) => ends.some((end) => quoteNames(ev.quote, end)))) return;
      warnings.push({
        file,
        path: `relationships[${i}].evidence`,
        message: `${rel.type} ${rel.from} → ${rel.to}: no quote names either endpoint (give unnamedBecause if they still state the relationship): ${rel.evidence.map((ev) => `"${ev.quote}"`).join(', ')}`,
      });
    });
  }
  return warnings;
}
