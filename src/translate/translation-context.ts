/** Builds the translation context of one root field from graphql-js's resolve info. */
import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

import { CypherParams } from './cypher-params.ts';
import type { ProjectionContext } from './project-selection.ts';

/** A Cypher statement and its parameters, ready to run. */
export interface CypherQuery {
  cypher: string;
  params: Record<string, unknown>;
}

export interface RootTranslation {
  ctx: ProjectionContext;
  /** The root field's selection sets (one per field node with the same response key). */
  selections: (SelectionSetNode | undefined)[];
}

export function rootTranslation(info: GraphQLResolveInfo): RootTranslation {
  return {
    ctx: {
      schema: info.schema,
      fragments: info.fragments,
      variableValues: info.variableValues,
      params: new CypherParams(),
    },
    selections: info.fieldNodes.map((f) => f.selectionSet),
  };
}
