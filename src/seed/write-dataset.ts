/**
 * Writes a validated Dataset to Neo4j in ONE write transaction, so a load either lands
 * whole or not at all (unless `bulk` is asked for, for loads beyond the server's
 * transaction memory).
 *
 * Within the transaction it reads what the seeds own now (`origin = 'seeds'`), compares it
 * with the dataset, and writes only the difference: MERGE on stable ids for created and
 * updated nodes and relationships (batched `UNWIND $rows`, values always parameters), and
 * deletes what the seeds no longer define. Loading the same seeds twice changes nothing.
 * Nodes and relationships the seeds do not own are never touched.
 *
 * Labels and relationship types in the query text come only from the compile-time
 * vocabularies in seed-schema.ts, never from input.
 */
import { isInt, type Driver, type Transaction } from 'neo4j-driver';

import { toNeo4jValue } from '../values/neo4j-values.ts';

/** What the loader runs statements on: one transaction, or (bulk mode) a commit per statement. */
type Runner = Pick<Transaction, 'run'>;

import type {
  Dataset,
  DatasetRelationshipType,
  NodeRow,
  Props,
  RelationshipRow,
} from './dataset.ts';
import { SEED_ORIGIN } from './dataset.ts';
import type { NodeLabel } from './seed-schema.ts';

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

// Rows the plan found absent are CREATEd (no per-row lookup); the uniqueness constraints
// still refuse a duplicate id, rolling the whole load back. Changed rows are MERGEd.
const createNodes = (label: NodeLabel) => `
UNWIND $rows AS row
CREATE (n:Entity:${label})
SET n = row.props`;

const upsertNodes = (label: NodeLabel) => `
UNWIND $rows AS row
MERGE (n:Entity:${label} {id: row.id})
SET n = row.props`;

const createRelationships = (type: DatasetRelationshipType) => `
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[r:${type}]->(b)
SET r = row.props`;

const upsertRelationships = (type: DatasetRelationshipType) => `
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:${type} {id: row.id}]->(b)
SET r = row.props`;

export async function writeDataset(dataset: Dataset, options: WriteOptions): Promise<LoadSummary> {
  const log = options.log ?? (() => undefined);
  const batchSize = options.batchSize ?? 1000;
  const session = options.driver.session({
    database: options.database,
    defaultAccessMode: options.dryRun ? 'READ' : 'WRITE',
  });
  try {
    const work = async (tx: Runner): Promise<LoadSummary> => {
      let resetCount = 0;
      if (options.reset && !options.dryRun) {
        const result = await tx.run(RESET, { origin: SEED_ORIGIN });
        resetCount = result.summary.counters.updates().nodesDeleted;
        log(`Reset: removed ${resetCount} seed-owned nodes and their relationships`);
      }
      const existingNodes = await readExisting(tx, READ_NODES, 'label');
      const existingRels = await readExisting(tx, READ_RELATIONSHIPS, 'type');
      const nodePlan = plan(dataset.nodes, existingNodes, (row) => row.label);
      const relPlan = plan(dataset.relationships, existingRels, (row) => row.type);
      const written: Record<string, number> = {};
      const summary: LoadSummary = {
        nodes: { ...nodePlan.tally, deleted: nodePlan.tally.deleted + resetCount },
        relationships: relPlan.tally,
        written,
        dryRun: Boolean(options.dryRun),
      };
      if (options.dryRun) return summary;

      if (relPlan.stale.length > 0) {
        await tx.run(DELETE_RELATIONSHIPS, { elementIds: relPlan.stale.map((e) => e.elementId) });
      }
      if (nodePlan.stale.length > 0) {
        await tx.run(DELETE_NODES, { ids: nodePlan.stale.map((e) => e.id), origin: SEED_ORIGIN });
      }
      const nodeParam = (r: NodeRow) => ({ id: r.id, props: toNeo4j(r.props) });
      const relParam = (r: RelationshipRow) => ({
        id: r.id,
        from: r.from,
        to: r.to,
        props: toNeo4j(r.props),
      });
      for (const [label, rows] of groupBy(nodePlan.write, (r) => r.label)) {
        const fresh = rows.filter((r) => nodePlan.created.has(r.id));
        const changed = rows.filter((r) => !nodePlan.created.has(r.id));
        await writeBatches(tx, createNodes(label), fresh, batchSize, nodeParam);
        await writeBatches(tx, upsertNodes(label), changed, batchSize, nodeParam);
        written[label] = rows.length;
        log(`  ${label}: ${rows.length} written`);
      }
      for (const [type, rows] of groupBy(relPlan.write, (r) => r.type)) {
        const fresh = rows.filter((r) => relPlan.created.has(r.id));
        const changed = rows.filter((r) => !relPlan.created.has(r.id));
        await writeBatches(tx, createRelationships(type), fresh, batchSize, relParam);
        await writeBatches(tx, upsertRelationships(type), changed, batchSize, relParam);
        written[type] = rows.length;
        log(`  ${type}: ${rows.length} written`);
      }
      return summary;
    };
    if (options.bulk && !options.dryRun) {
      // Each statement (one batch of rows) commits on its own: the load is no longer atomic.
      return await work({
        run: (query, params) => session.executeWrite((t) => t.run(query, params)),
      } as Runner);
    }
    // One explicit transaction, not a managed one: a load that fails (a constraint, the
    // server's transaction memory) must fail at once, not be retried from the start.
    const tx = session.beginTransaction();
    try {
      const summary = await work(tx);
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

interface Existing {
  id: string;
  kind: string;
  elementId: string;
  canonical: string;
}

async function readExisting(
  tx: Runner,
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

interface Plan<R> {
  write: R[];
  /** Ids of rows absent from the database (CREATE, not MERGE). */
  created: Set<string>;
  stale: Existing[];
  tally: Tally;
}

function plan<R extends { id: string; props: Props }>(
  rows: R[],
  existing: Map<string, Existing>,
  kindOf: (row: R) => string,
): Plan<R> {
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

async function writeBatches<R>(
  tx: Runner,
  query: string,
  rows: R[],
  batchSize: number,
  toParam: (row: R) => Record<string, unknown>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += batchSize) {
    await tx.run(query, { rows: rows.slice(i, i + batchSize).map(toParam) });
  }
}

function groupBy<R, K>(rows: R[], key: (row: R) => K): Map<K, R[]> {
  const groups = new Map<K, R[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/** JS numbers in seeds are integers (casualty counts): sent as Neo4j INTEGER, not FLOAT. */
const toNeo4j = (props: Props) => toNeo4jValue(props) as Record<string, unknown>;

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
