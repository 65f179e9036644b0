/**
 * Relay connections (`actors`, `demands`, …) as one Cypher query: an optional count
 * subquery for `totalCount` and a page subquery (ORDER BY, SKIP, LIMIT first+1) whose rows
 * are projected to the requested node shape.
 */
import type { GraphQLResolveInfo } from 'graphql';

import { collectFields } from './collect-fields.ts';
import { labelOf } from './graph-model.ts';
import type { Where } from './list-filters.ts';
import { checkPageSize, decodeCursor, encodeCursor } from './pagination.ts';
import { projectNode } from './project-selection.ts';
import { rootTranslation, type CypherQuery } from './translation-context.ts';

export interface ConnectionRequest {
  typeName: string;
  /** Anchors and WHERE conditions over `v`, values added to `params`. */
  where: Where;
  /** ORDER BY items over `v`; `v.id` is always appended as a tiebreaker. */
  orderBy: string[];
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
  const { ctx, selections } = rootTranslation(info);
  const connectionType = `${request.typeName}Connection`;
  const top = collectFields(ctx, connectionType, selections);
  const wantsCount = [...top.values()].some((f) => f[0]?.name.value === 'totalCount');
  const edgeNodes = [...top.values()].flat().filter((f) => f.name.value === 'edges');
  const nodeSelections = [
    ...collectFields(
      ctx,
      `${connectionType}Edge`,
      edgeNodes.map((f) => f.selectionSet),
    ).values(),
  ]
    .flat()
    .filter((f) => f.name.value === 'node')
    .map((f) => f.selectionSet);

  const label = labelOf(request.typeName);
  const { anchors, conditions } = request.where(ctx.params, 'v');
  // Start from the first anchor (index seek + expand); check the others per candidate.
  const [first, ...rest] = anchors;
  const all = [...rest.map((a) => `EXISTS { ${a} }`), ...conditions];
  const where = all.length > 0 ? ` WHERE ${all.join(' AND ')}` : '';
  const match = first
    ? `MATCH ${first.replace('(v)', `(v:${label})`)} WITH DISTINCT v${where}`
    : `MATCH (v:${label})${where}`;
  const parts: string[] = [];
  const returns: string[] = [];
  if (wantsCount) {
    parts.push(`CALL { ${match} RETURN count(v) AS totalCount }`);
    returns.push('totalCount');
  }
  const order = [
    ...request.orderBy,
    ...(request.orderBy.some((o) => o.startsWith('v.id ')) ? [] : ['v.id ASC']),
  ].join(', ');
  const skip = ctx.params.add(offset, 'skip');
  const limit = ctx.params.add(size + 1, 'limit');
  parts.push(
    `CALL { ${match} WITH v ORDER BY ${order} SKIP ${skip} LIMIT ${limit}\n` +
      `  RETURN collect(${projectNode(ctx, request.typeName, 'v', nodeSelections)}) AS page }`,
  );
  returns.push('page');
  return {
    cypher: `${parts.join('\n')}\nRETURN ${returns.join(', ')}`,
    params: ctx.params.values,
    offset,
    size,
  };
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
