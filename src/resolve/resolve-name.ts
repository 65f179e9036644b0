/**
 * Name resolution, shared by the query arguments and the write path: a node is named by
 * its id, its name or any alias, compared with `foldName`. Candidates come from the `names`
 * full-text index (accent-folding analyzer, fuzzy terms), so resolution costs one index
 * query whatever the graph's size.
 */
import { distance, foldName } from './fold-name.ts';

/** Runs one read query and returns its rows as plain objects. */
export type RunQuery = (
  cypher: string,
  params: Record<string, unknown>,
) => Promise<Record<string, unknown>[]>;

export interface NamedNode {
  id: string;
  label: string;
  name: string;
}

export type Resolution =
  | { kind: 'found'; node: NamedNode }
  | { kind: 'ambiguous'; candidates: NamedNode[] }
  | { kind: 'unknown'; closest: NamedNode[] };

const CANDIDATES = `
CALL () {
  MATCH (n:Entity {id: $id}) RETURN n, 100.0 AS score
  UNION
  CALL db.index.fulltext.queryNodes('names', $lucene, {limit: 25}) YIELD node AS n, score
  RETURN n, score
}
WITH n, max(score) AS score
WHERE any(l IN labels(n) WHERE l IN $labels)
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label,
       coalesce(n.name, n.summary, n.title, n.id) AS name, coalesce(n.aliases, []) AS aliases, score
ORDER BY score DESC LIMIT 25`;

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** Lucene queries for a folded name: the exact phrase, or each word fuzzily. */
const escape = (w: string) => w.replace(LUCENE_SPECIAL, '\\$&');
const words = (folded: string) => folded.split(' ').filter(Boolean).slice(0, 8);
const phraseQuery = (folded: string) => `"${words(folded).map(escape).join(' ') || 'x'}"`;
const fuzzyQuery = (folded: string) =>
  words(folded)
    .map((w) => `${escape(w)}${w.length > 2 ? '~' : ''}`)
    .join(' ') || 'x';

interface Candidate {
  node: NamedNode;
  keys: string[];
}

async function candidates(
  run: RunQuery,
  name: string,
  lucene: string,
  labels: readonly string[],
): Promise<Candidate[]> {
  const rows = await run(CANDIDATES, { id: name, lucene, labels });
  return rows.map((r) => ({
    node: { id: r.id as string, label: r.label as string, name: r.name as string },
    keys: [r.id as string, r.name as string, ...(r.aliases as string[])].map(foldName),
  }));
}

/**
 * Resolves `name` to one node with one of `labels`: first by id and the exact (folded)
 * phrase; only when that finds no node named so, fuzzily, for the closest matches.
 */
export async function resolveName(
  run: RunQuery,
  name: string,
  labels: readonly string[],
  /** Look for the closest matches when nothing is named so (a second, fuzzy query). */
  { closest: wantClosest = true }: { closest?: boolean } = {},
): Promise<Resolution> {
  const folded = foldName(name);
  const exactly = (nodes: Candidate[]) =>
    nodes.filter((n) => n.node.id === name || n.keys.includes(folded));
  const exact = exactly(await candidates(run, name, phraseQuery(folded), labels));
  if (exact.length === 1) return { kind: 'found', node: exact[0]!.node };
  if (exact.length > 1) return { kind: 'ambiguous', candidates: exact.map((n) => n.node) };
  if (!wantClosest) return { kind: 'unknown', closest: [] };
  const near = await candidates(run, name, fuzzyQuery(folded), labels);
  const closest = near
    .map((n) => ({ node: n.node, d: Math.min(...n.keys.map((k) => distance(k, folded))) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, 5)
    .map((n) => n.node);
  return { kind: 'unknown', closest };
}

/** A one-line explanation of a failed resolution, naming the candidates. */
export function describeFailure(name: string, res: Exclude<Resolution, { kind: 'found' }>): string {
  const list = (ns: NamedNode[]) => ns.map((n) => `${n.name} (${n.id})`).join(', ');
  if (res.kind === 'ambiguous')
    return `"${name}" names more than one node: ${list(res.candidates)}; use an id.`;
  return res.closest.length > 0
    ? `Nothing is named "${name}". Closest: ${list(res.closest)}.`
    : `Nothing is named "${name}".`;
}
