/**
 * The executable GraphQL schema: SDL from schema/ plus the resolvers in this folder. Every
 * field without its own resolver reads the projected map by response key (alias), falling
 * back to the field name for objects shaped in JavaScript (connections).
 */
import { makeExecutableSchema } from '@graphql-tools/schema';
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql';

import { assertSchemaMatchesModel } from './check-schema-against-model.ts';
import type { GraphContext } from './context.ts';
import { loadTypeDefs } from './load-type-defs.ts';
import {
  editQueryResolvers,
  mutationResolvers,
  writeResultResolvers,
} from './mutation-resolvers.ts';
import { queryResolvers } from './query-resolvers.ts';
import { resolveSuggestFacts } from './suggest-resolvers.ts';
import { enumResolvers, interfaceResolvers } from './type-resolvers.ts';

const readResponseKey: GraphQLFieldResolver<Record<string, unknown>, GraphContext> = (
  source,
  _args,
  _ctx,
  info,
) => {
  const key = info.path.key as string;
  return key in source ? source[key] : source[info.fieldName];
};

/** Throws, naming each field, when the SDL and the vocabulary (src/model/) disagree. */
export function buildSchema(): GraphQLSchema {
  const schema = makeExecutableSchema<GraphContext>({
    typeDefs: loadTypeDefs(),
    resolvers: [
      interfaceResolvers,
      enumResolvers,
      {
        Query: { ...queryResolvers, ...editQueryResolvers, suggestFacts: resolveSuggestFacts },
        Mutation: mutationResolvers,
      },
      writeResultResolvers,
    ] as never,
  });
  assertSchemaMatchesModel(schema);
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field) =>
      field.resolve ? field : { ...field, resolve: readResponseKey },
  });
}

/**
 * `schema` without the alias-aware default resolvers: each such field reads its own name,
 * which graphql-jit compiles to an inline property read. Right only for documents with no
 * alias below their root fields (src/server/use-compiled-execution.ts checks).
 */
export function withoutResponseKeyResolvers(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field) =>
      field.resolve === readResponseKey ? { ...field, resolve: undefined } : field,
  });
}
