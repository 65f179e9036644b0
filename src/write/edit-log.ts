/**
 * The audit trail: every write is an `:Edit` node (outside the negotiation graph, never an
 * `Entity`) saying who, when, which operation, what it created and the values it changed
 * before the change. Nodes and relationships a write creates carry its `editId`, which is
 * how a revert finds exactly them and knows what later edits depend on.
 */
import { randomUUID } from 'node:crypto';
import neo4j, { type ManagedTransaction } from 'neo4j-driver';

import { toPlainValue } from '../graph/to-plain-value.ts';

export interface CreatedRelationship {
  type: string;
  id: string;
  from: string;
  to: string;
}

export interface EditRecord {
  id: string;
  operation: string;
  by: string;
  at: string;
  report: string | null;
  idempotencyKey: string | null;
  createdNodes: string[];
  createdRelationships: CreatedRelationship[];
  /** JSON: the values an operation changed or removed, as they were before. */
  before: string | null;
  reverts: string | null;
  revertedBy: string | null;
}

export const newEditId = (): string => `edit-${randomUUID()}`;

const EDIT_FIELDS = `e {.id, .operation, .by, .at, .report, .idempotencyKey, .createdNodes, .createdRelationships, .before, .reverts, .revertedBy}`;

export function toEditRecord(raw: unknown): EditRecord {
  const e = toPlainValue(raw) as Record<string, unknown>;
  return {
    id: e.id as string,
    operation: e.operation as string,
    by: e.by as string,
    at: e.at as string,
    report: (e.report as string | null) ?? null,
    idempotencyKey: (e.idempotencyKey as string | null) ?? null,
    createdNodes: (e.createdNodes as string[] | null) ?? [],
    createdRelationships: JSON.parse(
      (e.createdRelationships as string | null) ?? '[]',
    ) as CreatedRelationship[],
    before: (e.before as string | null) ?? null,
    reverts: (e.reverts as string | null) ?? null,
    revertedBy: (e.revertedBy as string | null) ?? null,
  };
}

export interface NewEdit {
  id: string;
  operation: string;
  by: string;
  keyId: string | null;
  report?: string;
  idempotencyKey?: string;
  createdNodes: string[];
  createdRelationships: CreatedRelationship[];
  before?: unknown;
  reverts?: string;
}

export async function recordEdit(tx: ManagedTransaction, edit: NewEdit): Promise<EditRecord> {
  const result = await tx.run(
    `CREATE (e:Edit {id: $id, operation: $operation, by: $by, keyId: $keyId, at: toString(datetime()),
       report: $report, idempotencyKey: $idempotencyKey, createdNodes: $createdNodes,
       createdRelationships: $createdRelationships, before: $before, reverts: $reverts})
     RETURN ${EDIT_FIELDS} AS e`,
    {
      ...edit,
      report: edit.report ?? null,
      idempotencyKey: edit.idempotencyKey ?? null,
      createdRelationships: JSON.stringify(edit.createdRelationships),
      before: edit.before === undefined ? null : JSON.stringify(edit.before),
      reverts: edit.reverts ?? null,
    },
  );
  return toEditRecord(result.records[0]?.get('e'));
}

export async function findEdit(
  tx: ManagedTransaction,
  where: { id?: string; idempotencyKey?: string },
): Promise<EditRecord | undefined> {
  const result = await tx.run(
    where.id !== undefined
      ? `MATCH (e:Edit {id: $id}) RETURN ${EDIT_FIELDS} AS e`
      : `MATCH (e:Edit {idempotencyKey: $idempotencyKey}) RETURN ${EDIT_FIELDS} AS e`,
    { id: where.id ?? null, idempotencyKey: where.idempotencyKey ?? null },
  );
  const raw: unknown = result.records[0]?.get('e');
  return raw === undefined ? undefined : toEditRecord(raw);
}

export async function listEdits(
  tx: ManagedTransaction,
  filter: { since?: string; by?: string; first: number },
): Promise<EditRecord[]> {
  const result = await tx.run(
    `MATCH (e:Edit)
     WHERE ($since IS NULL OR e.at >= $since) AND ($by IS NULL OR e.by = $by)
     RETURN ${EDIT_FIELDS} AS e ORDER BY e.at DESC, e.id LIMIT $first`,
    { since: filter.since ?? null, by: filter.by ?? null, first: neo4j.int(filter.first) },
  );
  return result.records.map((r) => toEditRecord(r.get('e')));
}
