/** Helpers for tests that load the seed graph into the shared test Neo4j. */
import { createHash } from 'node:crypto';
import type { Driver } from 'neo4j-driver';

import type { Dataset } from '../src/seed/dataset.ts';
import {
  findReportsDir,
  loadSeedsFromDisk,
  prepareSeeds,
} from '../src/seed/load-seeds-from-disk.ts';
import { canonical } from '../src/seed/write-dataset.ts';

/**
 * The report texts (third-party articles, outside the repository), when found: REPORTS_DIR
 * or the nearest shared/seeds. Only tests/quote-verification.test.ts needs them; every other
 * test loads the seeds without verifying quotes, so a clone with nothing beside it passes.
 */
export const reportsDir: string | undefined = findReportsDir();
const quiet = () => undefined;

export function prepareTestSeeds(seedsDir?: string): Promise<Dataset> {
  return prepareSeeds({ reportsDir, log: quiet, ...(seedsDir ? { seedsDir } : {}) });
}

/** Loads seeds/ (idempotent: a second call changes nothing). */
export async function loadTestSeeds(driver: Driver, database: string | undefined) {
  return loadSeedsFromDisk({ driver, database, reportsDir, log: quiet });
}

/** Every node and relationship with its evidence: the report ids and quotes, index by index. */
export interface EvidenceBearer {
  id: string;
  sources: string[];
  quotes: string[];
}

/** Every `Entity` node and every relationship, each with its `sourceIds` and `quotes`. */
export async function evidenceBearers(
  driver: Driver,
  database: string | undefined,
): Promise<EvidenceBearer[]> {
  const read = async (cypher: string) =>
    (await driver.executeQuery(cypher, {}, { database })).records.map(
      (r) => r.toObject() as unknown as EvidenceBearer,
    );
  return [
    ...(await read(
      'MATCH (n:Entity) RETURN n.id AS id, n.sourceIds AS sources, n.quotes AS quotes',
    )),
    ...(await read(
      'MATCH ()-[r]->() RETURN r.id AS id, r.sourceIds AS sources, r.quotes AS quotes',
    )),
  ];
}

/**
 * A checksum of every node and relationship in the database, with all their properties;
 * `graphOnly`: only the negotiation graph (`Entity` nodes), not the audit trail or API keys.
 */
export async function graphChecksum(
  driver: Driver,
  database: string | undefined,
  { graphOnly = false }: { graphOnly?: boolean } = {},
): Promise<string> {
  const nodes = await driver.executeQuery(
    `MATCH (n) ${graphOnly ? 'WHERE n:Entity ' : ''}RETURN elementId(n) AS eid, labels(n) AS labels, properties(n) AS props`,
    {},
    { database },
  );
  const rels = await driver.executeQuery(
    'MATCH (a)-[r]->(b) RETURN type(r) AS type, coalesce(a.id, elementId(a)) AS a, coalesce(b.id, elementId(b)) AS b, properties(r) AS props',
    {},
    { database },
  );
  const lines = [
    ...nodes.records.map(
      (r) =>
        `N ${JSON.stringify((r.get('labels') as string[]).sort())} ${canonical(r.get('props') as Record<string, unknown>)}`,
    ),
    ...rels.records.map(
      (r) =>
        `R ${r.get('type') as string} ${r.get('a') as string} ${r.get('b') as string} ${canonical(r.get('props') as Record<string, unknown>)}`,
    ),
  ].sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

/** Counts of nodes per label and relationships per type. */
export async function graphCounts(driver: Driver, database: string | undefined) {
  const labels = await driver.executeQuery(
    'MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label',
    {},
    { database },
  );
  const types = await driver.executeQuery(
    'MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type',
    {},
    { database },
  );
  const toMap = (records: typeof labels.records, key: string) =>
    Object.fromEntries(
      records.map((r) => [r.get(key) as string, (r.get('n') as { toNumber(): number }).toNumber()]),
    );
  return { labels: toMap(labels.records, 'label'), types: toMap(types.records, 'type') };
}
