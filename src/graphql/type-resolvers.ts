/**
 * Non-root resolvers: enum internal values (the graph stores `armed_group`, GraphQL shows
 * ARMED_GROUP), the `Node` interface's type resolution, and nothing else — every other
 * field is read from the projected map by the alias-aware default resolver. Both derive
 * from the vocabulary in src/model/.
 */
import { ENUMS, graphqlEnumValue, type EnumName } from '../model/enums.ts';
import { NODE_LABELS, type NodeTypeName } from '../model/node-kinds.ts';
import type { Resolvers } from './generated/resolver-types.ts';

export const interfaceResolvers: Pick<Resolvers, 'Node'> = {
  Node: {
    __resolveType: (obj) => obj.__typename as NodeTypeName,
  },
};

/** GraphQL enum value → stored value, per enum; `NodeKind` values name labels. */
export const enumResolvers: Record<string, Record<string, string>> = {
  ...Object.fromEntries(
    (Object.keys(ENUMS) as EnumName[]).map((name) => [
      name,
      Object.fromEntries(ENUMS[name].map((v) => [graphqlEnumValue(v), v])),
    ]),
  ),
  NodeKind: Object.fromEntries(NODE_LABELS.map((l) => [graphqlEnumValue(l), l])),
};
