/**
 * The seed path's layer over the one planner (src/write/plan-load.ts): reads the report
 * texts, puts well-formed seed files into Facts (ids as names: a reference resolves to the
 * node of that id in any seed file), and plans them with origin `seeds`.
 *
 * Returns the Dataset to write, or throws one SeedValidationError listing every problem
 * with its file and path — the same rules, and the same messages, as a recordFacts call.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import type { Dataset } from './dataset.ts';
import { SEED_ORIGIN } from './dataset.ts';
import { unnamedEndpointWarnings } from './relationship-naming.ts';
import type { ParsedSeedFile } from './read-seed-files.ts';
import { SeedValidationError, type SeedProblem } from './seed-error.ts';
import { NODE_SECTIONS, type NodeSection } from './seed-schema.ts';
import type { Facts, NodeFact, Reference } from '../write/facts.ts';
import { planLoad, type PlanResult } from '../write/plan-load.ts';

export async function validateDataset(
  files: ParsedSeedFile[],
  reportsDir: string | undefined,
): Promise<Dataset> {
  const facts = seedFacts(files);
  const problems: SeedProblem[] = [];
  const reports = await readReportTexts(
    facts.nodes.filter((n) => n.label === 'Source'),
    reportsDir,
    problems,
  );
  const { plan, problems: planned } = planSeedLoad(facts, reports);
  problems.push(...planned);
  if (problems.length > 0) throw new SeedValidationError(problems);
  const textsRead = [...reports.values()].some((t) => t !== undefined);
  return {
    nodes: plan.nodes,
    relationships: plan.relationships,
    warnings: unnamedEndpointWarnings(files, nodesById(facts)),
    quotesVerified: plan.quotes.length,
    reportsDir: textsRead ? reportsDir : undefined,
  };
}

/**
 * Plans the seed facts (pure): a reference is an id, resolved to the node of that id in any
 * seed file; `reports` maps each Source id to its text (undefined: quotes not verified).
 */
export function planSeedLoad(
  facts: Facts,
  reports: ReadonlyMap<string, string | undefined>,
): PlanResult {
  const byId = nodesById(facts);
  const resolve = (id: string): Reference => {
    const node = byId.get(id);
    return node
      ? { kind: 'node', id, label: node.label }
      : { kind: 'dangling', reason: `no node has id '${id}'` };
  };
  return planLoad(facts, { origin: SEED_ORIGIN, reports, resolve });
}

/** The first node of each id (a second is reported as a duplicate by the planner). */
function nodesById(facts: Facts): Map<string, NodeFact> {
  const byId = new Map<string, NodeFact>();
  for (const node of facts.nodes) if (!byId.has(node.id)) byId.set(node.id, node);
  return byId;
}

/** Every node and relationship of the seed files, located by file and path. */
export function seedFacts(files: readonly ParsedSeedFile[]): Facts {
  const facts: Facts = { nodes: [], relationships: [] };
  for (const { file, data } of files) {
    for (const section of Object.keys(NODE_SECTIONS) as NodeSection[])
      (data[section] ?? []).forEach((record, i) =>
        facts.nodes.push({
          at: { file, path: `${section}[${i}]` },
          label: NODE_SECTIONS[section],
          id: record.id,
          record,
          evidence: record.evidence,
        }),
      );
    (data.relationships ?? []).forEach((rel, i) =>
      facts.relationships.push({
        at: { file, path: `relationships[${i}]` },
        type: rel.type,
        from: rel.from,
        to: rel.to,
        props: rel.props,
        evidence: rel.evidence,
      }),
    );
  }
  return facts;
}

/** Each report's text by id; undefined for all when the texts' folder is not available. */
async function readReportTexts(
  sources: readonly NodeFact[],
  reportsDir: string | undefined,
  problems: SeedProblem[],
): Promise<Map<string, string | undefined>> {
  const texts = new Map<string, string | undefined>(sources.map((s) => [s.id, undefined]));
  if (reportsDir === undefined || !existsSync(reportsDir)) return texts;
  for (const source of sources) {
    const file = path.join(reportsDir, source.record.file as string);
    if (!existsSync(file)) {
      problems.push({
        ...source.at,
        path: `${source.at.path}.file`,
        message: `report text not found at ${file}`,
      });
      continue;
    }
    texts.set(source.id, await readFile(file, 'utf8'));
  }
  return texts;
}
