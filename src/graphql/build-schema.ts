/** The executable GraphQL schema: SDL from schema/ plus the resolvers in this folder. */
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';

import { readGraphStats } from '../graph/read-graph-stats.ts';
import type { GraphContext } from './context.ts';
import { loadTypeDefs } from './load-type-defs.ts';

export function buildSchema(): GraphQLSchema {
  return makeExecutableSchema<GraphContext>({
    typeDefs: loadTypeDefs(),
    resolvers: {
      Query: {
        graphStats: (_root: unknown, _args: unknown, ctx: GraphContext) =>
          readGraphStats(ctx.driver, ctx.database),
      },
    },
  });
}
