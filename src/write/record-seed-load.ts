/**
 * Seed loads are edits by `seeds`. The Edit's id is derived from the loaded dataset's
 * content, so reloading the same seeds (even with --reset) records nothing new; a load of
 * changed seeds records one Edit with what it created, updated and deleted. Seed loads are
 * not reverted through the API: the seed files are their source of truth.
 */
import { createHash } from 'node:crypto';
import type { Driver } from 'neo4j-driver';

import type { Dataset } from '../seed/dataset.ts';
import type { LoadSummary } from '../seed/write-dataset.ts';

export const SEED_AUTHOR = 'seeds';

export async function recordSeedLoad(
  driver: Driver,
  database: string | undefined,
  dataset: Dataset,
  summary: LoadSummary,
): Promise<void> {
  const changed =
    summary.nodes.created +
    summary.nodes.updated +
    summary.nodes.deleted +
    summary.relationships.created +
    summary.relationships.updated +
    summary.relationships.deleted;
  if (summary.dryRun || changed === 0) return;
  const hash = createHash('sha256');
  for (const row of dataset.nodes) hash.update(JSON.stringify(row));
  for (const row of dataset.relationships) hash.update(JSON.stringify(row));
  await driver.executeQuery(
    `MERGE (e:Edit {id: $id})
     ON CREATE SET e.operation = 'seedLoad', e.by = $by, e.at = toString(datetime()),
       e.createdNodes = [], e.createdRelationships = '[]', e.before = $summary`,
    {
      id: `seeds-${hash.digest('hex').slice(0, 16)}`,
      by: SEED_AUTHOR,
      summary: JSON.stringify({ nodes: summary.nodes, relationships: summary.relationships }),
    },
    { database },
  );
}
