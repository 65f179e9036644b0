/**
 * Root field resolvers. Each is thin: read the arguments, translate the selection into one
 * Cypher query, run it, shape the result.
 */
import type { GraphQLResolveInfo } from 'graphql';

import {
  translateConnections,
  translateDemandStats,
  translateDisagreements,
  translateSearch,
  translateTimeline,
} from '../translate/analysis-queries.ts';
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

type Obj = Record<string, unknown>;

const byId =
  (typeName: string) =>
  async (_: unknown, args: { id: string }, ctx: GraphContext, info: GraphQLResolveInfo) =>
    (await ctx.reader.readResult(translateFindById(typeName, args.id, info))) as Obj | null;

const list = async <T>(
  ctx: GraphContext,
  query: Parameters<GraphContext['reader']['readResult']>[0],
) => ((await ctx.reader.readResult(query)) ?? []) as T[];

async function connection(ctx: GraphContext, request: ConnectionRequest, info: GraphQLResolveInfo) {
  const plan = translateConnection(request, info);
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

  actors: (_, args, ctx, info) => connection(ctx, actorsRequest(args), info),
  demands: (_, args, ctx, info) => connection(ctx, demandsRequest(args), info),
  meetings: (_, args, ctx, info) => connection(ctx, meetingsRequest(args), info),
  incidents: (_, args, ctx, info) => connection(ctx, incidentsRequest(args), info),
  statements: (_, args, ctx, info) => connection(ctx, statementsRequest(args), info),
  sources: (_, _args, ctx, info) => list<Obj>(ctx, translateAll('Source', info)),

  search: (_, args, ctx, info) => list<Obj>(ctx, translateSearch(args, info)),
  timeline: (_, args, ctx, info) => list<Obj>(ctx, translateTimeline(args, info)),
  connections: (_, args, ctx, info) => list<Obj>(ctx, translateConnections(args, info)),
  graph: async (_, args, ctx) => (await ctx.reader.readResult(translateGraphView(args))) as Obj,
  disagreements: (_, args, ctx, info) => list<Obj>(ctx, translateDisagreements(args, info)),
  demandStats: (_, args, ctx, info) => list<Obj>(ctx, translateDemandStats(args, info)),
};
