/**
 * The fields a selection asks of one object type, grouped by response key (alias or name)
 * as the executor groups them (fragments expanded, @skip/@include honoured; graphql-tools'
 * collectSubFields), in CANONICAL order: sorted by response key. Equivalent selections
 * written in another order therefore translate to identical Cypher text, so Neo4j's plan
 * cache serves them all.
 */
import { collectSubFields, type VariableValues } from '@graphql-tools/utils';
import {
  isObjectType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
} from 'graphql';

export interface SelectionContext {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  /** The operation's variables (for @skip/@include), in graphql-tools' shape. */
  variables: VariableValues;
}

/** The selection context of an operation: its schema, fragments and variable values. */
export const selectionContext = (
  schema: GraphQLSchema,
  fragments: Record<string, FragmentDefinitionNode>,
  variableValues: Record<string, unknown>,
): SelectionContext => ({
  schema,
  fragments,
  variables: { coerced: variableValues, sources: {} },
});

/** A response key with the field nodes that share it (their sub-selections merge). */
export type SelectedField = [key: string, nodes: FieldNode[]];

export function selectedFields(
  ctx: SelectionContext,
  typeName: string,
  parents: readonly FieldNode[],
): SelectedField[] {
  const type = ctx.schema.getType(typeName);
  if (!isObjectType(type)) throw new Error(`selectedFields: ${typeName} is not an object type`);
  const { fields } = collectSubFields(ctx.schema, ctx.fragments, ctx.variables, type, [...parents]);
  return [...fields].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The field's name (all nodes of one response key share it). */
export const fieldName = (nodes: readonly FieldNode[]): string => nodes[0]?.name.value ?? '';
