/**
 * The write path: adding a report, recording the facts it states, merging two actors and
 * reverting an edit. Each call is ONE managed write transaction (retried on deadlocks and
 * other transient errors): validation reads and writes see the same graph, and a call
 * either lands whole, with its Edit, or writes nothing.
 *
 * Idempotent: nodes are MERGEd on their constrained `id`, relationships on their `id`
 * between locked ends, the report on its text hash; a call that creates nothing records no
 * Edit. Facts for one report are serialised by a write lock on the report's node, so
 * parallel identical calls leave one node and one relationship each.
 */
import type { Driver, ManagedTransaction } from 'neo4j-driver';

import type { Principal } from '../auth/authenticator.ts';
import { classifyNeo4jError } from '../db/neo4j-errors.ts';
import { toPlainValue } from '../graph/to-plain-value.ts';
import { describeFailure, resolveName, type RunQuery } from '../resolve/resolve-name.ts';
import type { Props } from '../seed/dataset.ts';
import {
  findEdit,
  listEdits,
  newEditId,
  recordEdit,
  type CreatedRelationship,
  type EditRecord,
} from './edit-log.ts';
import { mergeActorsInTx, revertMergeInTx, type MergeBefore } from './merge-actors.ts';
import { API_ORIGIN, planFacts, type FactsPlan } from './plan-facts.ts';
import { locateQuote, type QuoteSelector } from './quote-selector.ts';
import { writeNodes, writeRelationships } from './apply-plan.ts';
import { normaliseReportText, reportContentHash, reportIdFor } from './report-text.ts';
import {
  dropNulls,
  FactsInputSchema,
  ReportInputSchema,
  type FactsInput,
  type ReportInput,
} from './write-input.ts';
import { WriteValidationError, zodProblems, type WriteProblem } from './write-problems.ts';

export interface GraphWriterOptions {
  driver: Driver;
  database: string | undefined;
  /** Per-transaction timeout. @default 30000 */
  timeoutMs?: number;
}

/** Who writes: an API key's principal, or a named system actor such as `seeds`. */
export type Author = Pick<Principal, 'name'> & { keyId?: string };

export interface AddReportResult {
  reportId: string;
  textHash: string;
  created: boolean;
  edit: EditRecord | null;
}

export interface RecordFactsResult {
  reportId: string;
  createdNodes: string[];
  createdRelationships: CreatedRelationship[];
  resolved: FactsPlan['resolved'];
  quotes: ({ path: string } & QuoteSelector)[];
  edit: EditRecord | null;
}

const ORIGIN_FIELDS = ['title', 'outlet', 'byline', 'dateline', 'published'] as const;
const LOCK_REPORT = `MATCH (s:Source {id: $id}) SET s.writeLock = true REMOVE s.writeLock`;

export class GraphWriter {
  constructor(private readonly options: GraphWriterOptions) {}

  private async write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.options.driver.session({
      database: this.options.database,
      defaultAccessMode: 'WRITE',
    });
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          return await session.executeWrite(work, {
            timeout: this.options.timeoutMs ?? 30_000,
          });
        } catch (err) {
          // Two transactions creating the same new node: the loser retries and finds it.
          if (classifyNeo4jError(err) === 'constraint' && attempt < 3) continue;
          throw err;
        }
      }
    } finally {
      await session.close();
    }
  }

  private async read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.options.driver.session({
      database: this.options.database,
      defaultAccessMode: 'READ',
    });
    try {
      return await session.executeRead(work, { timeout: this.options.timeoutMs ?? 30_000 });
    } finally {
      await session.close();
    }
  }

  /** Adds a report's text (same text → same report); refuses origin fields not in the text. */
  async addReport(raw: unknown, author: Author, idempotencyKey?: string): Promise<AddReportResult> {
    const parsed = ReportInputSchema.safeParse(dropNulls(raw));
    if (!parsed.success) throw new WriteValidationError(zodProblems(parsed.error));
    const input: ReportInput = parsed.data;
    const text = normaliseReportText(input.text);
    const problems: WriteProblem[] = [];
    const quotes: string[] = [];
    for (const field of ORIGIN_FIELDS) {
      const value = input[field];
      if (value === undefined) continue;
      if (!locateQuote(value, text))
        problems.push({
          path: field,
          message: `"${value}" does not occur in the text; a report's origin is only what its text says`,
        });
      else quotes.push(value);
    }
    if (problems.length > 0) throw new WriteValidationError(problems);
    const textHash = reportContentHash(text);
    const id = input.id ?? reportIdFor(textHash);
    return this.write(async (tx) => {
      if (idempotencyKey !== undefined) {
        const previous = await findEdit(tx, { idempotencyKey });
        if (previous)
          return { reportId: previous.report ?? id, textHash, created: false, edit: previous };
      }
      // Another text under this id is refused; the same text under any id is found by MERGE.
      const taken = await tx.run(
        `MATCH (n:Entity {id: $id}) WHERE coalesce(n.textHash, '') <> $textHash RETURN n.id AS id`,
        { id, textHash },
      );
      if (taken.records.length > 0)
        throw new WriteValidationError([
          { path: 'id', message: `id '${id}' is already used by another node` },
        ]);
      const editId = newEditId();
      const props: Props = {
        id,
        text,
        textHash,
        originNote:
          input.originNote ??
          'Added through the API; its origin is only what the text itself states.',
        sourceIds: quotes.map(() => id),
        quotes,
        origin: API_ORIGIN,
      };
      for (const field of ORIGIN_FIELDS)
        if (input[field] !== undefined) props[field] = input[field];
      const created = await tx.run(
        `MERGE (s:Entity:Source {textHash: $textHash})
         ON CREATE SET s = $props, s.editId = $editId
         RETURN s.id AS id, s.editId = $editId AS created`,
        { textHash, props, editId },
      );
      const row = created.records[0];
      if (!row?.get('created'))
        return { reportId: row?.get('id') as string, textHash, created: false, edit: null };
      const edit = await recordEdit(tx, {
        id: editId,
        operation: 'addReport',
        by: author.name,
        keyId: author.keyId ?? null,
        report: id,
        ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
        createdNodes: [id],
        createdRelationships: [],
      });
      return { reportId: id, textHash, created: true, edit };
    });
  }

  /** Records the facts one report states; refuses the whole call listing every problem. */
  async recordFacts(
    raw: unknown,
    author: Author,
    idempotencyKey?: string,
  ): Promise<RecordFactsResult> {
    const parsed = FactsInputSchema.safeParse(dropNulls(raw));
    if (!parsed.success) throw new WriteValidationError(zodProblems(parsed.error));
    const input: FactsInput = parsed.data;
    return this.write(async (tx) => {
      if (idempotencyKey !== undefined) {
        const previous = await findEdit(tx, { idempotencyKey });
        if (previous)
          return {
            reportId: previous.report ?? input.report,
            createdNodes: [],
            createdRelationships: [],
            resolved: [],
            quotes: [],
            edit: previous,
          };
      }
      const run: RunQuery = async (cypher, params) =>
        (await tx.run(cypher, params)).records.map(
          (r) => toPlainValue(r.toObject()) as Record<string, unknown>,
        );
      const problems: WriteProblem[] = [];
      const plan = await planFacts(run, input, problems);
      if (problems.length > 0 || !plan) throw new WriteValidationError(problems);

      await tx.run(LOCK_REPORT, { id: plan.reportId });
      const editId = newEditId();
      const mode = { kind: 'addNew', editId } as const;
      const createdNodes = await writeNodes(tx, plan.nodes, mode);
      const createdIds = new Set(await writeRelationships(tx, plan.relationships, mode));
      const createdRelationships: CreatedRelationship[] = plan.relationships
        .filter((r) => createdIds.has(r.id))
        .map(({ type, id, from, to }) => ({ type, id, from, to }));
      const edit =
        createdNodes.length + createdRelationships.length === 0
          ? null
          : await recordEdit(tx, {
              id: editId,
              operation: 'recordFacts',
              by: author.name,
              keyId: author.keyId ?? null,
              report: plan.reportId,
              ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
              createdNodes,
              createdRelationships,
            });
      return {
        reportId: plan.reportId,
        createdNodes,
        createdRelationships,
        resolved: plan.resolved,
        quotes: plan.quotes,
        edit,
      };
    });
  }

  async edits(filter: { since?: string; by?: string; first?: number }): Promise<EditRecord[]> {
    return this.read((tx) =>
      listEdits(tx, { ...filter, first: Math.min(filter.first ?? 50, 500) }),
    );
  }

  /**
   * Undoes one edit: deletes what it created, restores what it changed. Refused, listing
   * the dependents, when anything created by a later edit hangs on what it created.
   */
  async revertEdit(id: string, author: Author): Promise<EditRecord> {
    return this.write(async (tx) => {
      const edit = await findEdit(tx, { id });
      if (!edit)
        throw new WriteValidationError([{ path: 'id', message: `no edit with id '${id}'` }]);
      if (edit.revertedBy)
        throw new WriteValidationError([
          { path: 'id', message: `edit '${id}' was already reverted by ${edit.revertedBy}` },
        ]);
      if (edit.operation === 'mergeActors') {
        const before = JSON.parse(edit.before ?? '{}') as MergeBefore;
        const back = await tx.run(`MATCH (n:Entity {id: $id}) RETURN n.id AS id`, {
          id: before.removed.id,
        });
        if (back.records.length > 0)
          throw new WriteValidationError([
            {
              path: 'id',
              message: `a node '${before.removed.id}' exists again; cannot restore it`,
            },
          ]);
        await revertMergeInTx(tx, before, edit.createdRelationships, id);
        return this.recordRevert(tx, edit, author);
      }
      if (edit.operation !== 'addReport' && edit.operation !== 'recordFacts')
        throw new WriteValidationError([
          { path: 'id', message: `edits of kind ${edit.operation} cannot be reverted` },
        ]);
      const dependents = await tx.run(
        `UNWIND $nodes AS nid
         MATCH (n:Entity {id: nid})-[r]-(m)
         WHERE r.editId IS NULL OR r.editId <> $editId
         RETURN DISTINCT type(r) AS type, coalesce(r.id, '') AS rid, coalesce(r.editId, r.origin, '') AS by LIMIT 20`,
        { nodes: edit.createdNodes, editId: id },
      );
      if (dependents.records.length > 0)
        throw new WriteValidationError(
          dependents.records.map((r) => ({
            path: 'id',
            message: `later data depends on what edit '${id}' created: ${r.get('type') as string} ${r.get('rid') as string} (from ${r.get('by') as string}); revert that first`,
          })),
        );
      await tx.run(
        `UNWIND $rels AS x
         MATCH (:Entity {id: x.from})-[r {id: x.id}]->(:Entity {id: x.to})
         WHERE r.editId = $editId DELETE r`,
        { rels: edit.createdRelationships, editId: id },
      );
      await tx.run(
        `UNWIND $nodes AS nid MATCH (n:Entity {id: nid}) WHERE n.editId = $editId DETACH DELETE n`,
        { nodes: edit.createdNodes, editId: id },
      );
      return this.recordRevert(tx, edit, author);
    });
  }

  private async recordRevert(
    tx: ManagedTransaction,
    edit: EditRecord,
    author: Author,
  ): Promise<EditRecord> {
    const revert = await recordEdit(tx, {
      id: newEditId(),
      operation: 'revert',
      by: author.name,
      keyId: author.keyId ?? null,
      ...(edit.report ? { report: edit.report } : {}),
      createdNodes: [],
      createdRelationships: [],
      before: edit,
      reverts: edit.id,
    });
    await tx.run(`MATCH (e:Edit {id: $id}) SET e.revertedBy = $by`, {
      id: edit.id,
      by: revert.id,
    });
    return revert;
  }

  /**
   * Merges actor `remove` into `keep` (each named by id, name or alias): moves its
   * relationships and evidence, deletes it; audited and revertible.
   */
  async mergeActors(keep: string, remove: string, author: Author): Promise<EditRecord> {
    return this.write(async (tx) => {
      const run: RunQuery = async (cypher, params) =>
        (await tx.run(cypher, params)).records.map(
          (r) => toPlainValue(r.toObject()) as Record<string, unknown>,
        );
      const problems: WriteProblem[] = [];
      const ids: string[] = [];
      for (const [path, name] of [
        ['keep', keep],
        ['remove', remove],
      ] as const) {
        const res = await resolveName(run, name, ['Actor']);
        if (res.kind === 'found') ids.push(res.node.id);
        else problems.push({ path, message: describeFailure(name, res) });
      }
      if (problems.length > 0) throw new WriteValidationError(problems);
      const [keepId, removeId] = ids as [string, string];
      const editId = newEditId();
      const merged = await mergeActorsInTx(tx, keepId, removeId, editId, problems);
      if (problems.length > 0 || !merged) throw new WriteValidationError(problems);
      return recordEdit(tx, {
        id: editId,
        operation: 'mergeActors',
        by: author.name,
        keyId: author.keyId ?? null,
        createdNodes: [],
        createdRelationships: merged.moved,
        before: merged.before,
      });
    });
  }
}
