/**
 * The initial load of a validated Dataset into an EMPTY database, fast: large `UNWIND`
 * batches of `CREATE` (no MERGE, no read of what exists), grouped by label and by
 * relationship type, two batches in flight, with the non-constraint indexes (the full-text
 * ones above all) built once after the load instead of row by row (defer-indexes.ts).
 *
 * Contract:
 * - refuses, before writing anything, a database holding any node (`DatabaseNotEmptyError`);
 * - leaves the graph the ordinary loader (write-dataset.ts) makes from the same Dataset:
 *   the same labels, relationship types and properties, and the same schema;
 * - all or nothing in outcome, though not in isolation: batches commit one by one (a load of
 *   millions of rows exceeds any one transaction's memory), and if any batch fails the
 *   loader deletes everything it wrote, so the database is empty again, then rethrows;
 * - reports progress through `log` at most every `progressEveryMs`.
 *
 * Labels and relationship types in the query text come only from the compile-time
 * vocabularies in seed-schema.ts, never from input; values are always parameters.
 */
import type { Driver } from 'neo4j-driver';

import { toNeo4jValue } from '../values/neo4j-values.ts';
import { groupBy } from '../write/apply-plan.ts';
import type { Dataset, DatasetRelationshipType, NodeRow, RelationshipRow } from './dataset.ts';
import { deferIndexes } from './defer-indexes.ts';
import type { NodeLabel } from './seed-schema.ts';

export interface BulkLoadOptions {
  driver: Driver;
  database: string | undefined;
  /** Rows per statement (and per commit). @default 10000 */
  batchSize?: number;
  /** Batches sent before the previous one has committed. @default 2 */
  concurrency?: number;
  log?: (line: string) => void;
  /** @default 10000 */
  progressEveryMs?: number;
}

export interface BulkLoadSummary {
  nodes: number;
  relationships: number;
  /** Seconds spent writing rows, and building the deferred indexes afterwards. */
  writeS: number;
  indexS: number;
  deferredIndexes: string[];
}

/** The database held data: a bulk load is for an initial load only. Nothing was changed. */
export class DatabaseNotEmptyError extends Error {
  override name = 'DatabaseNotEmptyError';
  constructor() {
    super(
      'Bulk load refused: the database is not empty. It is for an initial load into an empty database; use the ordinary loader (npm run seed) to update one. Nothing was changed.',
    );
  }
}

const createNodes = (label: NodeLabel) => `
UNWIND $rows AS props
CREATE (n:Entity:${label})
SET n = props`;

const createRelationships = (type: DatasetRelationshipType) => `
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[r:${type}]->(b)
SET r = row.props`;

const EMPTY_AGAIN = `
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS`;

export async function bulkLoad(
  dataset: Dataset,
  options: BulkLoadOptions,
): Promise<BulkLoadSummary> {
  const { driver, database } = options;
  const log = options.log ?? (() => undefined);
  const batchSize = options.batchSize ?? 10_000;
  const concurrency = options.concurrency ?? 2;
  const exists = await driver.executeQuery('MATCH (n) RETURN n LIMIT 1', {}, { database });
  if (exists.records.length > 0) throw new DatabaseNotEmptyError();

  const total = dataset.nodes.length + dataset.relationships.length;
  const progress = progressReporter(total, options.progressEveryMs ?? 10_000, log);
  const run = async (query: string, rows: unknown[]) => {
    const result = await driver.executeQuery(query, { rows }, { database });
    progress.add(rows.length);
    return result.summary.counters.updates();
  };
  const deferred = await deferIndexes(driver, database);
  const started = performance.now();
  let restored = false;
  try {
    let nodes = 0;
    for (const [label, rows] of groupBy(dataset.nodes, (r) => r.label)) {
      const counts = await inBatches(rows, batchSize, concurrency, (batch) =>
        run(
          createNodes(label),
          batch.map((r: NodeRow) => toNeo4jValue(r.props)),
        ),
      );
      nodes += counts.reduce((n, c) => n + c.nodesCreated, 0);
    }
    log(
      `Bulk load: ${nodes} nodes written in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    let relationships = 0;
    for (const [type, rows] of groupBy(dataset.relationships, (r) => r.type)) {
      const counts = await inBatches(rows, batchSize, concurrency, (batch) =>
        run(
          createRelationships(type),
          batch.map((r: RelationshipRow) => ({
            from: r.from,
            to: r.to,
            props: toNeo4jValue(r.props),
          })),
        ),
      );
      relationships += counts.reduce((n, c) => n + c.relationshipsCreated, 0);
    }
    // A relationship whose end is missing is silently not created by MATCH … CREATE.
    if (nodes !== dataset.nodes.length || relationships !== dataset.relationships.length) {
      throw new Error(
        `Bulk load wrote ${nodes}/${dataset.nodes.length} nodes and ${relationships}/${dataset.relationships.length} relationships`,
      );
    }
    const writeS = (performance.now() - started) / 1000;
    log(
      `Bulk load: ${total} elements written in ${writeS.toFixed(1)} s; building ${deferred.names.length} indexes`,
    );
    const indexStarted = performance.now();
    restored = true;
    await deferred.restore();
    const indexS = (performance.now() - indexStarted) / 1000;
    return { nodes, relationships, writeS, indexS, deferredIndexes: deferred.names };
  } catch (err) {
    log(`Bulk load failed (${(err as Error).message.split('\n')[0]}); emptying the database again`);
    await runAutoCommit(driver, database, EMPTY_AGAIN);
    if (!restored) await deferred.restore();
    throw err;
  } finally {
    progress.stop();
  }
}

/** `CALL … IN TRANSACTIONS` runs only in an auto-commit transaction (session.run). */
async function runAutoCommit(driver: Driver, database: string | undefined, query: string) {
  const session = driver.session({ database, defaultAccessMode: 'WRITE' });
  try {
    await session.run(query);
  } finally {
    await session.close();
  }
}

/** Runs `work` on consecutive slices of `rows`, at most `concurrency` at a time, results in order. */
async function inBatches<R, T>(
  rows: R[],
  batchSize: number,
  concurrency: number,
  work: (batch: R[]) => Promise<T>,
): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const worker = async () => {
    while (next < rows.length) {
      const start = next;
      next += batchSize;
      results[start / batchSize] = await work(rows.slice(start, start + batchSize));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}

function progressReporter(total: number, everyMs: number, log: (line: string) => void) {
  const started = performance.now();
  let done = 0;
  let last = started;
  return {
    add(n: number) {
      done += n;
      const now = performance.now();
      if (now - last < everyMs) return;
      last = now;
      const rate = done / ((now - started) / 1000);
      log(
        `Bulk load: ${done}/${total} elements (${Math.round((100 * done) / total)} %, ${Math.round(rate)}/s)`,
      );
    },
    stop() {
      last = Infinity;
    },
  };
}
