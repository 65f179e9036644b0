/**
 * The one place rows of a Plan (src/write/plan-load.ts) become Cypher: batched
 * `UNWIND $rows` per label and per relationship type, values always parameters, whole
 * numbers as INTEGER. Labels and types in the query text come only from the compile-time
 * vocabulary (src/model/), never from input. Used by the API (`addNew`: MERGE on the
 * constrained id, create only what is absent, tagged with the Edit) and by the seed loader
 * (`create` for rows it found absent, `replace` for rows it changed: it owns them).
 */
import type { QueryResult } from 'neo4j-driver';

import type { DatasetRelationshipType, NodeRow, RelationshipRow } from '../seed/dataset.ts';
import type { NodeLabel } from '../model/node-kinds.ts';
import { toNeo4jValue } from '../values/neo4j-values.ts';

/**
 * What statements run on: a transaction (explicit or managed), or a runner that commits
 * each statement on its own (see commitEachStatement in src/seed/write-dataset.ts).
 */
export interface StatementRunner {
  run(query: string, parameters: Record<string, unknown>): Promise<QueryResult>;
}

/**
 * How rows are written. `create`: CREATE (the caller knows they are absent; a constraint
 * still refuses a duplicate). `replace`: MERGE on id, properties replaced. `addNew`: MERGE
 * on id, properties set only on creation, with `editId`; returns the ids created.
 */
export type WriteMode =
  { kind: 'create' } | { kind: 'replace' } | { kind: 'addNew'; editId: string };

const NODE_QUERIES = {
  create: (label: NodeLabel) => `UNWIND $rows AS row CREATE (n:Entity:${label}) SET n = row.props`,
  replace: (label: NodeLabel) =>
    `UNWIND $rows AS row MERGE (n:Entity:${label} {id: row.id}) SET n = row.props`,
  addNew: (label: NodeLabel) => `UNWIND $rows AS row
MERGE (n:Entity:${label} {id: row.id})
ON CREATE SET n = row.props, n.editId = $editId
WITH row, n WHERE n.editId = $editId
RETURN row.id AS id`,
};

const ENDS = `UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})`;

const RELATIONSHIP_QUERIES = {
  create: (type: DatasetRelationshipType) => `${ENDS}
CREATE (a)-[r:${type}]->(b) SET r = row.props`,
  replace: (type: DatasetRelationshipType) => `${ENDS}
MERGE (a)-[r:${type} {id: row.id}]->(b) SET r = row.props`,
  addNew: (type: DatasetRelationshipType) => `${ENDS}
MERGE (a)-[r:${type} {id: row.id}]->(b)
ON CREATE SET r = row.props, r.editId = $editId
WITH row, r WHERE r.editId = $editId
RETURN row.id AS id`,
};

/** Writes nodes, grouped by label; returns the ids created (`addNew` only, else []). */
export async function writeNodes(
  runner: StatementRunner,
  rows: readonly NodeRow[],
  mode: WriteMode,
  batchSize = 1000,
): Promise<string[]> {
  const created: string[] = [];
  for (const [label, group] of groupBy(rows, (r) => r.label))
    created.push(
      ...(await writeBatches(runner, NODE_QUERIES[mode.kind](label), group, mode, batchSize)),
    );
  return created;
}

/** Writes relationships between existing nodes, grouped by type; returns the ids created (`addNew`). */
export async function writeRelationships(
  runner: StatementRunner,
  rows: readonly RelationshipRow[],
  mode: WriteMode,
  batchSize = 1000,
): Promise<string[]> {
  const created: string[] = [];
  for (const [type, group] of groupBy(rows, (r) => r.type))
    created.push(
      ...(await writeBatches(
        runner,
        RELATIONSHIP_QUERIES[mode.kind](type),
        group,
        mode,
        batchSize,
      )),
    );
  return created;
}

async function writeBatches(
  runner: StatementRunner,
  query: string,
  rows: readonly (NodeRow | RelationshipRow)[],
  mode: WriteMode,
  batchSize: number,
): Promise<string[]> {
  const created: string[] = [];
  for (let i = 0; i < rows.length; i += batchSize) {
    const batch = rows.slice(i, i + batchSize).map((row) => ({
      ...row,
      props: toNeo4jValue(row.props),
    }));
    const result = await runner.run(query, {
      rows: batch,
      ...(mode.kind === 'addNew' ? { editId: mode.editId } : {}),
    });
    for (const record of result.records) created.push(record.get('id') as string);
  }
  return created;
}

/** Rows grouped by a key, in first-seen order. */
export function groupBy<R, K>(rows: readonly R[], key: (row: R) => K): Map<K, R[]> {
  const groups = new Map<K, R[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}
