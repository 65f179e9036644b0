/**
 * `graph`: a drawable slice of the graph — nodes (id, kind, label, sources, disputed) and
 * the relationships among them — as one Cypher query. The shape is fixed and small, so it
 * is returned whole rather than per selection.
 */
import { badUserInput } from '../errors.ts';
import { CypherParams } from './cypher-params.ts';
import { NODE_TYPES } from './graph-model.ts';
import type { CypherQuery } from './translation-context.ts';

export interface GraphViewArgs {
  kinds?: readonly string[] | null;
  source?: string | null;
  actor?: string | null;
  around?: string | null;
  limit?: number | null;
}

export function translateGraphView(args: GraphViewArgs): CypherQuery {
  const limit = args.limit ?? 500;
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw badUserInput(`limit must be between 1 and 1000 (got ${limit})`, 'limit');
  }
  const params = new CypherParams();
  const labels = args.kinds && args.kinds.length > 0 ? args.kinds : NODE_TYPES;
  const conditions = [`any(l IN labels(v) WHERE l IN ${params.add(labels, 'labels')})`];
  if (args.source) {
    const s = params.add(args.source, 'source');
    conditions.push(`(${s} IN coalesce(v.sourceIds, []) OR v.id = ${s})`);
  }
  if (args.actor) {
    const a = params.add(args.actor, 'actor');
    conditions.push(
      `(v.id = ${a} OR EXISTS { MATCH (v)-[rel]-(:Actor {id: ${a}}) WHERE type(rel) <> 'REPORTED_BY' })`,
    );
  }
  if (args.around) {
    const n = params.add(args.around, 'around');
    conditions.push(`(v.id = ${n} OR EXISTS { (v)--(:Entity {id: ${n}}) })`);
  }
  return {
    cypher: [
      `MATCH (v:Entity) WHERE ${conditions.join(' AND ')}`,
      `WITH v ORDER BY v.id`,
      `WITH collect(v) AS matches`,
      `WITH matches[0..${params.add(limit, 'limit')}] AS ns, size(matches) AS matched`,
      `RETURN {`,
      `  truncated: matched > size(ns),`,
      `  nodes: [v IN ns | {`,
      `    id: v.id,`,
      `    kind: [l IN labels(v) WHERE l <> 'Entity'][0],`,
      `    label: coalesce(v.name, v.summary, v.value, v.title, v.id),`,
      `    sources: CASE WHEN v:Source THEN [v.id] ELSE coalesce(v.sourceIds, []) END,`,
      `    disputed: EXISTS { MATCH (c1:Claim)-[:ABOUT]->(v)<-[:ABOUT]-(c2:Claim) WHERE c1.property = c2.property AND c1.value <> c2.value }`,
      `  }],`,
      `  edges: COLLECT {`,
      `    UNWIND ns AS a`,
      `    MATCH (a)-[r]->(b:Entity) WHERE b IN ns`,
      `    RETURN {id: coalesce(r.id, elementId(r)), type: type(r), from: a.id, to: b.id, sources: coalesce(r.sourceIds, [])} AS e`,
      `  }`,
      `} AS result`,
    ].join('\n'),
    params: params.values,
  };
}
