/**
 * A stored report's text, for `suggestFacts(source:)`: the text kept on its Source node
 * (reports added through the API), else — for a seed report — its file in the report texts'
 * folder (REPORTS_DIR), when the server has one. Returns why not when there is no text.
 * Callers check the right to read first (the same as reading the graph).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import type { GraphReader } from '../graph/graph-reader.ts';
import type { ReportRelationship } from './corroborate-report.ts';
import { SUGGESTED_RELATIONSHIP_TYPES } from './suggestion-types.ts';

const REPORT_CYPHER = `
MATCH (s:Source {id: $id})
RETURN {text: s.text, file: s.file} AS result`;

export type ReportText =
  { kind: 'found'; text: string } | { kind: 'unknown' } | { kind: 'no-text'; reason: string };

export async function readReportText(
  reader: GraphReader,
  id: string,
  reportsDir: string | undefined,
): Promise<ReportText> {
  const row = (await reader.readResult({ cypher: REPORT_CYPHER, params: { id } })) as {
    text: string | null;
    file: string | null;
  } | null;
  if (!row) return { kind: 'unknown' };
  if (typeof row.text === 'string' && row.text !== '') return { kind: 'found', text: row.text };
  // Only a bare file name, read from the folder itself: a Source can never point elsewhere.
  if (typeof row.file === 'string' && row.file === path.basename(row.file)) {
    if (reportsDir === undefined)
      return {
        kind: 'no-text',
        reason: `report '${id}' is a seed report whose text (${row.file}) is kept outside the graph, and this server has no report texts folder (REPORTS_DIR)`,
      };
    const file = path.join(reportsDir, row.file);
    if (!existsSync(file))
      return {
        kind: 'no-text',
        reason: `the text of report '${id}' (${row.file}) is not in the report texts folder`,
      };
    return { kind: 'found', text: await readFile(file, 'utf8') };
  }
  return { kind: 'no-text', reason: `report '${id}' has no stored text` };
}

const STATED_CYPHER = `
MATCH (a:Actor)-[r]->(b:Entity)
WHERE type(r) IN $types AND $id IN r.sourceIds
WITH r, a, b ORDER BY r.id
RETURN collect({
  id: r.id, type: type(r), from: a.id, to: b.id,
  quotes: [i IN range(0, size(r.sourceIds) - 1) WHERE r.sourceIds[i] = $id | r.quotes[i]]
}) AS result`;

/** The relationships the graph holds that report `id` states, with its quotes for each. */
export async function readReportRelationships(
  reader: GraphReader,
  id: string,
): Promise<ReportRelationship[]> {
  return ((await reader.readResult({
    cypher: STATED_CYPHER,
    params: { id, types: [...SUGGESTED_RELATIONSHIP_TYPES] },
  })) ?? []) as ReportRelationship[];
}
