/** Builds the translation context of one root field from graphql-js's resolve info. */
import type Cypher from '@neo4j/cypher-builder';
import type { FieldNode, GraphQLResolveInfo } from 'graphql';

import type { ProjectionContext } from './project-selection.ts';
import { selectionContext } from './selected-fields.ts';

/** A Cypher statement and its parameters, ready to run. */
export interface CypherQuery {
  cypher: string;
  params: Record<string, unknown>;
}

export interface RootTranslation {
  ctx: ProjectionContext;
  /** The root field's nodes (one per field node with the same response key). */
  root: readonly FieldNode[];
}

export function rootTranslation(info: GraphQLResolveInfo): RootTranslation {
  return {
    ctx: selectionContext(info.schema, info.fragments, info.variableValues),
    root: info.fieldNodes,
  };
}

/** Renders a built clause: variables and parameters are named by the builder, in order. */
export function render(clause: Cypher.Clause): CypherQuery {
  const { cypher, params } = clause.build();
  return { cypher, params };
}
