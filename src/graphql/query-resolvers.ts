/**
 * Root field resolvers. Each is thin: read the arguments, translate the selection into one
 * Cypher query (once per distinct request: ctx.translations), run it, shape the result.
 */
import type { GraphQLResolveInfo } from 'graphql';

import {
  translateConnections,
  translateDemandStats,
  translateSearch,
} from '../translate/analysis-queries.ts';
import { translateDisagreements } from '../translate/disagreement-queries.ts';
import { translatePositions, translateTimeline } from '../translate/timeline-queries.ts';
import { translateGraphView } from '../translate/graph-view.ts';
import { translateAll, translateFindById } from '../translate/find-by-id.ts';
import {
  shapeConnection,
  translateConnection,
  type ConnectionRequest,
} from '../translate/list-connection.ts';
import {
  actorsRequest,
  demandsRequest,
  incidentsRequest,
  meetingsRequest,
  statementsRequest,
} from '../translate/list-requests.ts';
import type { GraphContext } from './context.ts';
import type { QueryResolvers } from './generated/resolver-types.ts';
import { resolveLookupId, resolveNameArgs } from './resolve-name-args.ts';

type Obj = Record<string, unknown>;

const LOOKUP_LABELS: Record<string, readonly string[]> = {
  Node: ['Actor', 'Demand', 'Meeting', 'Incident', 'Statement', 'Claim', 'Source'],
};

/**
 * One node by id, name or alias. The id is tried first (one query); only when it finds
 * nothing is it resolved as a name, and the lookup repeated for the id it names. A name
 * that names nothing answers null.
 */
const byId =
  (typeName: string) =>
  async (_: unknown, args: { id: string }, ctx: GraphContext, info: GraphQLResolveInfo) => {
    const find = (id: string) =>
      ctx.translations.translate(info, [typeName, id], () => translateFindById(typeName, id, info));
    const found = (await ctx.reader.readResult(find(args.id))) as Obj | null;
    if (found !== null) return found;
    const id = await resolveLookupId(ctx, args.id, LOOKUP_LABELS[typeName] ?? [typeName]);
    if (id === args.id) return null;
    return (await ctx.reader.readResult(find(id))) as Obj | null;
  };

/** True for an answer that lists nothing (a list, a connection, a graph view). */
const isEmpty = (answer: unknown): boolean => {
  if (Array.isArray(answer)) return answer.length === 0;
  if (answer !== null && typeof answer === 'object') {
    const o = answer as { edges?: unknown[]; nodes?: unknown[]; totalCount?: unknown };
    if (typeof o.totalCount === 'number' && o.totalCount > 0) return false;
    return (o.edges ?? o.nodes ?? [1]).length === 0;
  }
  return answer === null;
};

/**
 * Wraps a root resolver whose arguments name nodes (resolve-name-args.ts). Ids are tried
 * first, so the usual request is one query; an empty answer has its naming arguments
 * resolved — an unknown name is a BAD_USER_INPUT error — and is asked again with the ids
 * they name.
 */
const named =
  <A, R>(
    field: string,
    resolve: (p: unknown, a: A, c: GraphContext, i: GraphQLResolveInfo) => Promise<R> | R,
  ) =>
  async (parent: unknown, args: A, ctx: GraphContext, info: GraphQLResolveInfo): Promise<R> => {
    const first = await resolve(parent, args, ctx, info);
    if (!isEmpty(first)) return first;
    const resolved = await resolveNameArgs(ctx, field, args);
    if (JSON.stringify(resolved) === JSON.stringify(args)) return first;
    return resolve(parent, resolved, ctx, info);
  };

/** The translation of a root field, from the server's cache (translation-cache.ts). */
const cached = <T extends object>(
  ctx: GraphContext,
  info: GraphQLResolveInfo,
  inputs: unknown,
  translate: () => T,
): T => ctx.translations.translate(info, inputs, translate);

const list = async <T>(
  ctx: GraphContext,
  query: Parameters<GraphContext['reader']['readResult']>[0],
) => ((await ctx.reader.readResult(query)) ?? []) as T[];

async function connection(ctx: GraphContext, request: ConnectionRequest, info: GraphQLResolveInfo) {
  const plan = ctx.translations.translate(info, request, () => translateConnection(request, info));
  const [row] = await ctx.reader.readRows(plan);
  return shapeConnection(plan, row) as unknown as Obj;
}

export const queryResolvers: QueryResolvers = {
  actor: byId('Actor'),
  demand: byId('Demand'),
  meeting: byId('Meeting'),
  incident: byId('Incident'),
  statement: byId('Statement'),
  claim: byId('Claim'),
  node: byId('Node'),
  source: byId('Source'),

  actors: named('actors', (_, args, ctx, info) => connection(ctx, actorsRequest(args), info)),
  demands: named('demands', (_, args, ctx, info) => connection(ctx, demandsRequest(args), info)),
  meetings: named('meetings', (_, args, ctx, info) => connection(ctx, meetingsRequest(args), info)),
  incidents: named('incidents', (_, args, ctx, info) =>
    connection(ctx, incidentsRequest(args), info),
  ),
  statements: named('statements', (_, args, ctx, info) =>
    connection(ctx, statementsRequest(args), info),
  ),
  sources: (_, _args, ctx, info) =>
    list<Obj>(
      ctx,
      cached(ctx, info, null, () => translateAll('Source', info)),
    ),

  search: (_, args, ctx, info) =>
    list<Obj>(
      ctx,
      cached(ctx, info, args, () => translateSearch(args, info)),
    ),
  timeline: named('timeline', (_, args, ctx, info) =>
    list<Obj>(
      ctx,
      cached(ctx, info, args, () => translateTimeline(args, info)),
    ),
  ),
  positions: named('positions', (_, args, ctx, info) =>
    list<Obj>(ctx, translatePositions(args, info)),
  ),
  connections: named('connections', (_, args, ctx, info) =>
    list<Obj>(
      ctx,
      cached(ctx, info, args, () => translateConnections(args, info)),
    ),
  ),
  graph: named(
    'graph',
    async (_, args: Parameters<typeof translateGraphView>[0], ctx, info) =>
      (await ctx.reader.readResult(cached(ctx, info, args, () => translateGraphView(args)))) as Obj,
  ),
  disagreements: named('disagreements', (_, args, ctx, info) =>
    list<Obj>(
      ctx,
      cached(ctx, info, args, () => translateDisagreements(args, info)),
    ),
  ),
  demandStats: named('demandStats', (_, args, ctx, info) =>
    list<Obj>(
      ctx,
      cached(ctx, info, args, () => translateDemandStats(args, info)),
    ),
  ),
};
