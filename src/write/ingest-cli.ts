/**
 * `npm run ingest -- <report.txt> [facts.yaml] [--as NAME]`
 *
 * Adds a report's text (the same text again is the same report) and, when a facts file is
 * given, records the facts it states — through the same write path as the API, with the
 * same validation: every quote is verified against the text, and an invalid file writes
 * nothing and lists every problem. The facts file holds an optional `report:` map of origin
 * fields as the text states them (title, outlet, byline, dateline, published, originNote)
 * and the sections actors, demands, meetings, incidents, statements, relationships in the
 * seed files' vocabulary, each evidence entry with `quote`, `framing` and optional `voice`.
 * Exit status: 0 done, 1 refused or failed, 2 usage.
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';

import { ConfigError, loadConfig } from '../config/config.ts';
import { applySchema } from '../db/apply-schema.ts';
import { connectGraph } from '../db/connect-graph.ts';
import { describeNeo4jError } from '../db/neo4j-errors.ts';
import { GraphWriter } from './graph-writer.ts';
import { WriteValidationError } from './write-problems.ts';
import { runMain } from '../cli/run-main.ts';

const USAGE = 'usage: npm run ingest -- <report.txt> [facts.yaml] [--as NAME]';

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { as: { type: 'string' } } });
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const [reportFile, factsFile] = parsed.positionals;
  if (!reportFile || parsed.positionals.length > 2) {
    console.error(USAGE);
    return 2;
  }
  const text = await readFile(reportFile, 'utf8');
  const facts = factsFile
    ? ((parseYaml(await readFile(factsFile, 'utf8')) ?? {}) as Record<string, unknown>)
    : {};
  const { report: origin = {}, ...sections } = facts as { report?: Record<string, unknown> };
  const author = { name: parsed.values.as ?? `cli:${os.userInfo().username}` };

  const config = loadConfig();
  const graph = await connectGraph(config);
  try {
    await applySchema(graph.driver, graph.connection.database);
    const writer = new GraphWriter({ driver: graph.driver, database: graph.connection.database });
    const added = await writer.addReport({ ...origin, text }, author);
    console.log(
      added.created
        ? `Added report ${added.reportId} (edit ${added.edit?.id ?? '-'})`
        : `Report already present as ${added.reportId} (same text)`,
    );
    if (!factsFile) return 0;
    const recorded = await writer.recordFacts({ ...sections, report: added.reportId }, author);
    console.log(
      `Facts: ${recorded.createdNodes.length} nodes and ${recorded.createdRelationships.length} relationships created, ${recorded.quotes.length} quotes verified` +
        (recorded.edit ? ` (edit ${recorded.edit.id})` : ' (nothing new)'),
    );
    for (const r of recorded.resolved) console.log(`  ${r.path}: "${r.name}" → ${r.id}`);
    return 0;
  } finally {
    await graph.close();
  }
}

runMain(main, (err) =>
  err instanceof WriteValidationError || err instanceof ConfigError
    ? err.message
    : describeNeo4jError(err),
);
