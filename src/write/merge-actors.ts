/**
 * Merging two actors that are one: every relationship of `remove` (with its evidence) is
 * recreated on `keep`, `remove`'s name and aliases become aliases of `keep` (when the API
 * owns `keep`), and `remove` is deleted — all recorded in the Edit's `before` so
 * `revertEdit` can restore it exactly. Actors from the seed files are merged in the seed
 * files (as aliases), not here: a seed reload would bring them back.
 */
import type { ManagedTransaction } from 'neo4j-driver';

import { toPlainValue } from '../graph/to-plain-value.ts';
import { SEED_ORIGIN } from '../seed/dataset.ts';
import { RELATIONSHIP_TYPES } from '../model/relationships.ts';
import type { CreatedRelationship } from './edit-log.ts';
import { toNeo4jValue } from '../values/neo4j-values.ts';
import type { WriteProblem } from './write-problems.ts';

/** A relationship type read from the graph, checked against the vocabulary before use. */
function knownType(type: string): string {
  if (type !== 'REPORTED_BY' && !(RELATIONSHIP_TYPES as readonly string[]).includes(type))
    throw new Error(`unknown relationship type ${type}`);
  return type;
}

export interface MergeBefore {
  removed: { id: string; labels: string[]; props: Record<string, unknown> };
  relationships: {
    type: string;
    out: boolean;
    other: string;
    props: Record<string, unknown>;
  }[];
  keep: { id: string; aliases: string[] | null };
}

export interface MergeResult {
  before: MergeBefore;
  moved: CreatedRelationship[];
}

const plain = (v: unknown) => toPlainValue(v) as Record<string, unknown>;

export async function mergeActorsInTx(
  tx: ManagedTransaction,
  keepId: string,
  removeId: string,
  editId: string,
  problems: WriteProblem[],
): Promise<MergeResult | undefined> {
  if (keepId === removeId) {
    problems.push({ path: 'remove', message: 'keep and remove name the same actor' });
    return undefined;
  }
  const read = await tx.run(
    `MATCH (k:Actor {id: $keepId}) MATCH (r:Actor {id: $removeId})
     RETURN k.origin AS keepOrigin, k.aliases AS keepAliases, labels(r) AS labels, properties(r) AS props,
       [(r)-[x]->(o) | {type: type(x), out: true, other: o.id, props: properties(x)}] +
       [(r)<-[x]-(o) | {type: type(x), out: false, other: o.id, props: properties(x)}] AS rels`,
    { keepId, removeId },
  );
  const row = read.records[0];
  if (!row) {
    problems.push({ path: 'keep', message: `'${keepId}' and '${removeId}' must both be actors` });
    return undefined;
  }
  const props = plain(row.get('props'));
  if (props.origin === SEED_ORIGIN) {
    problems.push({
      path: 'remove',
      message: `'${removeId}' comes from the seed files; merge it there (as an alias of '${keepId}')`,
    });
    return undefined;
  }
  const rels = (toPlainValue(row.get('rels')) as MergeBefore['relationships']).filter(
    (r) => r.other !== keepId,
  );
  const keepAliases = (toPlainValue(row.get('keepAliases')) as string[] | null) ?? null;
  const before: MergeBefore = {
    removed: { id: removeId, labels: row.get('labels') as string[], props },
    relationships: rels,
    keep: { id: keepId, aliases: keepAliases },
  };
  const moved: CreatedRelationship[] = [];
  for (const rel of rels) {
    const oldId = typeof rel.props.id === 'string' ? rel.props.id : `${rel.type}`;
    const id = `${oldId.split(removeId).join(keepId)}~merged-${removeId}`;
    const [from, to] = rel.out ? [keepId, rel.other] : [rel.other, keepId];
    await tx.run(
      `MATCH (a:Entity {id: $from}) MATCH (b:Entity {id: $to})
       CREATE (a)-[r:${knownType(rel.type)}]->(b) SET r = $props, r.id = $id, r.editId = $editId`,
      { from, to, props: toNeo4jValue(rel.props), id, editId },
    );
    moved.push({ type: rel.type, id, from, to });
  }
  if (row.get('keepOrigin') !== SEED_ORIGIN) {
    const names = [props.name as string, ...((props.aliases as string[] | undefined) ?? [])];
    await tx.run(
      `MATCH (k:Actor {id: $keepId})
       SET k.aliases = coalesce(k.aliases, []) + [n IN $names WHERE NOT n IN coalesce(k.aliases, []) AND n <> k.name]`,
      { keepId, names },
    );
  }
  await tx.run(`MATCH (r:Actor {id: $removeId}) DETACH DELETE r`, { removeId });
  return { before, moved };
}

/** Undoes a merge: recreates the removed actor and its relationships, restores aliases. */
export async function revertMergeInTx(
  tx: ManagedTransaction,
  before: MergeBefore,
  moved: CreatedRelationship[],
  editId: string,
): Promise<void> {
  await tx.run(
    `UNWIND $moved AS x MATCH (:Entity {id: x.from})-[r {id: x.id}]->(:Entity {id: x.to})
     WHERE r.editId = $editId DELETE r`,
    { moved, editId },
  );
  await tx.run(`CREATE (r:Entity:Actor) SET r = $props`, {
    props: toNeo4jValue(before.removed.props),
  });
  for (const rel of before.relationships) {
    const [from, to] = rel.out ? [before.removed.id, rel.other] : [rel.other, before.removed.id];
    await tx.run(
      `MATCH (a:Entity {id: $from}) MATCH (b:Entity {id: $to})
       CREATE (a)-[r:${knownType(rel.type)}]->(b) SET r = $props`,
      { from, to, props: toNeo4jValue(rel.props) },
    );
  }
  await tx.run(`MATCH (k:Actor {id: $id}) SET k.aliases = $aliases`, {
    id: before.keep.id,
    aliases: before.keep.aliases,
  });
}
