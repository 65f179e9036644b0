/**
 * Relay connections (`actors`, `demands`, …) as one Cypher query: an optional count
 * subquery for `totalCount` and a page subquery (ORDER BY, SKIP, LIMIT first+1) whose rows
 * are projected to the requested node shape. The filter and the order arrive as data
 * (ListFilter, SortKey) and are rendered here.
 */
import Cypher from '@neo4j/cypher-builder';
import type { GraphQLResolveInfo } from 'graphql';

import { param } from './cypher-values.ts';
import { labelOf } from './graph-model.ts';
import { anchorPattern, renderConditions, type ListFilter } from './list-filters.ts';
import { checkPageSize, decodeCursor, encodeCursor } from './pagination.ts';
import { projectNode } from './project-selection.ts';
import { fieldName, selectedFields } from './selected-fields.ts';
import { render, rootTranslation, type CypherQuery } from './translation-context.ts';

/** One sort key: a property of the listed node and a direction. */
export interface SortKey {
  property: string;
  direction: 'ASC' | 'DESC';
}

export interface ConnectionRequest {
  typeName: string;
  filter: ListFilter;
  /** Sort keys; `id ASC` is always appended as a tiebreaker (unless `id` is already a key). */
  orderBy: SortKey[];
  first: number | null | undefined;
  after: string | null | undefined;
}

export interface ConnectionPlan extends CypherQuery {
  offset: number;
  size: number;
}

export function translateConnection(
  request: ConnectionRequest,
  info: GraphQLResolveInfo,
): ConnectionPlan {
  const size = checkPageSize(request.first);
  const offset = decodeCursor(request.after);
  const { ctx, root } = rootTranslation(info);
  const connectionType = `${request.typeName}Connection`;
  const top = selectedFields(ctx, connectionType, root);
  const wantsCount = top.some(([, nodes]) => fieldName(nodes) === 'totalCount');
  const edgeNodes = top.filter(([, n]) => fieldName(n) === 'edges').flatMap(([, n]) => n);
  const nodeNodes = selectedFields(ctx, `${connectionType}Edge`, edgeNodes)
    .filter(([, n]) => fieldName(n) === 'node')
    .flatMap(([, n]) => n);

  const v = new Cypher.Node();
  const label = labelOf(request.typeName);
  // Start from the first anchor (index seek + expand); check the others per candidate.
  const [first, ...rest] = request.filter.anchors;
  const where = Cypher.and(
    ...rest.map((a) => new Cypher.Exists(new Cypher.Match(anchorPattern(a, v)))),
    renderConditions(request.filter.conditions, v),
  );
  const anchored = first && anchorPattern(first, v, label);
  const match = (): Cypher.Match | Cypher.With => {
    if (!anchored) {
      const m = new Cypher.Match(new Cypher.Pattern(v, { labels: label }));
      return where ? m.where(where) : m;
    }
    const w = new Cypher.Match(anchored).with(v).distinct();
    return where ? w.where(where) : w;
  };

  const totalCount = new Cypher.NamedVariable('totalCount');
  const page = new Cypher.NamedVariable('page');
  const order: [Cypher.Expr, 'ASC' | 'DESC'][] = request.orderBy.map((k) => [
    v.property(k.property),
    k.direction,
  ]);
  if (!request.orderBy.some((k) => k.property === 'id')) order.push([v.property('id'), 'ASC']);
  const pageQuery = match()
    .with(v)
    .orderBy(...order)
    .skip(param(offset))
    .limit(param(size + 1))
    .return([Cypher.collect(projectNode(ctx, request.typeName, v, nodeNodes)), page]);
  const clauses: Cypher.Clause[] = [];
  if (wantsCount) clauses.push(new Cypher.Call(match().return([Cypher.count(v), totalCount])));
  clauses.push(new Cypher.Call(pageQuery));
  clauses.push(wantsCount ? new Cypher.Return(totalCount, page) : new Cypher.Return(page));
  return { ...render(Cypher.utils.concat(...clauses)), offset, size };
}

/** Shapes the query's row into a connection object. */
export function shapeConnection(plan: ConnectionPlan, row: Record<string, unknown> | undefined) {
  const page = ((row?.page as unknown[] | undefined) ?? []).slice(0, plan.size + 1);
  const hasNextPage = page.length > plan.size;
  const nodes = page.slice(0, plan.size);
  const edges = nodes.map((node, i) => ({ cursor: encodeCursor(plan.offset + i + 1), node }));
  return {
    totalCount: row?.totalCount,
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: plan.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
