/** `actor(id)`, `demand(id)`, … and `node(id)`: one node by id with the requested shape. */
import type { GraphQLResolveInfo } from 'graphql';

import { labelOf } from './graph-model.ts';
import { projectNode } from './project-selection.ts';
import { rootTranslation, type CypherQuery } from './translation-context.ts';

/** Returns one row with column `result` (absent when no node has the id). */
export function translateFindById(
  typeName: string,
  id: string,
  info: GraphQLResolveInfo,
): CypherQuery {
  const { ctx, selections } = rootTranslation(info);
  const idParam = ctx.params.add(id, 'id');
  const notSource = typeName === 'Node' ? ' WHERE NOT v:Source' : '';
  return {
    cypher: `MATCH (v:${labelOf(typeName)} {id: ${idParam}})${notSource}\nRETURN ${projectNode(ctx, typeName, 'v', selections)} AS result`,
    params: ctx.params.values,
  };
}

/** Every node of a type, ordered by id, as one list in column `result` (for small types such as Source). */
export function translateAll(typeName: string, info: GraphQLResolveInfo): CypherQuery {
  const { ctx, selections } = rootTranslation(info);
  return {
    cypher: `MATCH (v:${labelOf(typeName)}) WITH v ORDER BY v.id\nRETURN collect(${projectNode(ctx, typeName, 'v', selections)}) AS result`,
    params: ctx.params.values,
  };
}
