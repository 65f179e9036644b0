/**
 * The seed loader's write step: syncs a validated Dataset (the planner's rows, from
 * validate-dataset.ts) with what the seeds own (`origin = 'seeds'`), in ONE write
 * transaction, so a load lands whole or not at all — or, in `bulk` mode (loads beyond the
 * server's transaction memory), committing each batch on its own.
 *
 * It reads what the seeds own, diffs it with the dataset, and writes only the difference
 * through src/write/apply-plan.ts (CREATE for what is absent, replace for what changed),
 * deleting what the seeds no longer define. Loading the same seeds twice changes nothing.
 * Nodes and relationships the seeds do not own are never touched.
 */
import { isInt, type Driver, type Session } from 'neo4j-driver';

import type { Dataset, Props } from './dataset.ts';
import { SEED_ORIGIN } from './dataset.ts';
import {
  groupBy,
  writeNodes,
  writeRelationships,
  type StatementRunner,
} from '../write/apply-plan.ts';

export interface Tally {
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
}

export interface LoadSummary {
  nodes: Tally;
  relationships: Tally;
  /** Rows written per label or relationship type (created + updated). */
  written: Record<string, number>;
  dryRun: boolean;
}

export interface WriteOptions {
  driver: Driver;
  database: string | undefined;
  /** Compute and report the changes, write nothing. */
  dryRun?: boolean;
  /** Remove everything the seeds own before loading (same transaction). */
  reset?: boolean;
  log?: (line: string) => void;
  batchSize?: number;
  /**
   * Commit every batch separately, for loads larger than the server's transaction memory.
   * Not atomic: a failure leaves the batches already committed (a rerun completes them).
   * @default false
   */
  bulk?: boolean;
}

const READ_NODES = `
MATCH (n:Entity) WHERE n.origin = $origin
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, properties(n) AS props`;

const READ_RELATIONSHIPS = `
MATCH (:Entity)-[r]->(:Entity) WHERE r.origin = $origin
RETURN r.id AS id, type(r) AS type, elementId(r) AS elementId, properties(r) AS props`;

const DELETE_RELATIONSHIPS = `
UNWIND $elementIds AS eid
MATCH ()-[r]->() WHERE elementId(r) = eid
DELETE r`;

const DELETE_NODES = `
UNWIND $ids AS id
MATCH (n:Entity {id: id}) WHERE n.origin = $origin
DETACH DELETE n`;

const RESET = `
MATCH (n:Entity) WHERE n.origin = $origin
DETACH DELETE n`;

export async function writeDataset(dataset: Dataset, options: WriteOptions): Promise<LoadSummary> {
  const session = options.driver.session({
    database: options.database,
    defaultAccessMode: options.dryRun ? 'READ' : 'WRITE',
  });
  try {
    // Each statement (one batch of rows) commits on its own: the load is no longer atomic.
    if (options.bulk && !options.dryRun)
      return await syncSeeds(commitEachStatement(session), dataset, options);
    // One explicit transaction, not a managed one: a load that fails (a constraint, the
    // server's transaction memory) must fail at once, not be retried from the start.
    const tx = session.beginTransaction();
    try {
      const summary = await syncSeeds(tx, dataset, options);
      if (options.dryRun) await tx.rollback();
      else await tx.commit();
      return summary;
    } catch (err) {
      if (tx.isOpen()) await tx.rollback();
      throw err;
    }
  } finally {
    await session.close();
  }
}

/** Bulk mode's runner: every statement in its own managed write transaction. */
function commitEachStatement(session: Session): StatementRunner {
  return { run: (query, parameters) => session.executeWrite((tx) => tx.run(query, parameters)) };
}

/** Reads what the seeds own, diffs it with the dataset, and (unless a dry run) writes the difference. */
async function syncSeeds(
  tx: StatementRunner,
  dataset: Dataset,
  options: WriteOptions,
): Promise<LoadSummary> {
  const log = options.log ?? (() => undefined);
  const batchSize = options.batchSize ?? 1000;
  let resetCount = 0;
  if (options.reset && !options.dryRun) {
    const result = await tx.run(RESET, { origin: SEED_ORIGIN });
    resetCount = result.summary.counters.updates().nodesDeleted;
    log(`Reset: removed ${resetCount} seed-owned nodes and their relationships`);
  }
  const nodePlan = diff(dataset.nodes, await readExisting(tx, READ_NODES, 'label'), (r) => r.label);
  const relPlan = diff(
    dataset.relationships,
    await readExisting(tx, READ_RELATIONSHIPS, 'type'),
    (r) => r.type,
  );
  const written: Record<string, number> = {};
  const summary: LoadSummary = {
    nodes: { ...nodePlan.tally, deleted: nodePlan.tally.deleted + resetCount },
    relationships: relPlan.tally,
    written,
    dryRun: Boolean(options.dryRun),
  };
  if (options.dryRun) return summary;

  if (relPlan.stale.length > 0)
    await tx.run(DELETE_RELATIONSHIPS, { elementIds: relPlan.stale.map((e) => e.elementId) });
  if (nodePlan.stale.length > 0)
    await tx.run(DELETE_NODES, { ids: nodePlan.stale.map((e) => e.id), origin: SEED_ORIGIN });
  for (const [label, rows] of groupBy(nodePlan.write, (r) => r.label)) {
    await writeNodes(
      tx,
      rows.filter((r) => nodePlan.created.has(r.id)),
      { kind: 'create' },
      batchSize,
    );
    await writeNodes(
      tx,
      rows.filter((r) => !nodePlan.created.has(r.id)),
      { kind: 'replace' },
      batchSize,
    );
    written[label] = rows.length;
    log(`  ${label}: ${rows.length} written`);
  }
  for (const [type, rows] of groupBy(relPlan.write, (r) => r.type)) {
    await writeRelationships(
      tx,
      rows.filter((r) => relPlan.created.has(r.id)),
      { kind: 'create' },
      batchSize,
    );
    await writeRelationships(
      tx,
      rows.filter((r) => !relPlan.created.has(r.id)),
      { kind: 'replace' },
      batchSize,
    );
    written[type] = rows.length;
    log(`  ${type}: ${rows.length} written`);
  }
  return summary;
}

interface Existing {
  id: string;
  kind: string;
  elementId: string;
  canonical: string;
}

async function readExisting(
  tx: StatementRunner,
  query: string,
  kindKey: string,
): Promise<Map<string, Existing>> {
  const result = await tx.run(query, { origin: SEED_ORIGIN });
  const map = new Map<string, Existing>();
  for (const record of result.records) {
    const id = record.get('id') as string;
    map.set(id, {
      id,
      kind: record.get(kindKey) as string,
      elementId: record.has('elementId') ? (record.get('elementId') as string) : '',
      canonical: canonical(record.get('props') as Record<string, unknown>),
    });
  }
  return map;
}

/** The difference between the dataset and what the seeds own: what to write and delete. */
interface SyncDiff<R> {
  write: R[];
  /** Ids of rows absent from the database (CREATE, not MERGE). */
  created: Set<string>;
  stale: Existing[];
  tally: Tally;
}

function diff<R extends { id: string; props: Props }>(
  rows: R[],
  existing: Map<string, Existing>,
  kindOf: (row: R) => string,
): SyncDiff<R> {
  const tally: Tally = { created: 0, updated: 0, unchanged: 0, deleted: 0 };
  const write: R[] = [];
  const created = new Set<string>();
  const stale: Existing[] = [];
  const wanted = new Set<string>();
  for (const row of rows) {
    wanted.add(row.id);
    const current = existing.get(row.id);
    if (current === undefined) {
      tally.created++;
      created.add(row.id);
      write.push(row);
    } else if (current.kind !== kindOf(row)) {
      // Same id, other label or type: replace it (deleted first, then created).
      stale.push(current);
      tally.created++;
      tally.deleted++;
      created.add(row.id);
      write.push(row);
    } else if (current.canonical !== canonical(row.props)) {
      tally.updated++;
      write.push(row);
    } else {
      tally.unchanged++;
    }
  }
  for (const current of existing.values()) {
    if (!wanted.has(current.id)) {
      stale.push(current);
      tally.deleted++;
    }
  }
  return { write, created, stale, tally };
}

/** A stable string for a property map: keys sorted, Neo4j integers as numbers. */
export function canonical(props: Record<string, unknown>): string {
  const norm = (v: unknown): unknown =>
    isInt(v) ? v.toNumber() : Array.isArray(v) ? v.map(norm) : v;
  return JSON.stringify(
    Object.keys(props)
      .sort()
      .map((k) => [k, norm(props[k])]),
  );
}
