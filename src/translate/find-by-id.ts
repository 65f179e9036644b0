/** `actor(id)`, `demand(id)`, … and `node(id)`: one node by id with the requested shape. */
import Cypher from '@neo4j/cypher-builder';
import type { GraphQLResolveInfo } from 'graphql';

import { labelOf } from './graph-model.ts';
import { param } from './cypher-values.ts';
import { projectNode } from './project-selection.ts';
import { render, rootTranslation, type CypherQuery } from './translation-context.ts';

/** Returns one row with column `result` (absent when no node has the id). */
export function translateFindById(
  typeName: string,
  id: string,
  info: GraphQLResolveInfo,
): CypherQuery {
  const { ctx, root } = rootTranslation(info);
  const v = new Cypher.Node();
  const match = new Cypher.Match(
    new Cypher.Pattern(v, { labels: labelOf(typeName), properties: { id: param(id) } }),
  );
  if (typeName === 'Node') match.where(Cypher.not(v.hasLabel('Source')));
  return render(match.return([projectNode(ctx, typeName, v, root), 'result']));
}

/** Every node of a type, ordered by id, as one list in column `result` (for small types such as Source). */
export function translateAll(typeName: string, info: GraphQLResolveInfo): CypherQuery {
  const { ctx, root } = rootTranslation(info);
  const v = new Cypher.Node();
  const query = new Cypher.Match(new Cypher.Pattern(v, { labels: labelOf(typeName) }))
    .with(v)
    .orderBy([v.property('id'), 'ASC'])
    .return([Cypher.collect(projectNode(ctx, typeName, v, root)), 'result']);
  return render(query);
}
