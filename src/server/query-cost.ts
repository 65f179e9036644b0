/**
 * The cost of an operation: how many values it can fetch at most, estimated from the schema.
 *
 * Each selected field costs the number of times it can appear in the answer: the product of
 * the list sizes above it and its own. A field with a `first` argument contributes that page
 * size (its literal, else its schema default, else the maximum page size for a variable);
 * the `edges` of a connection add nothing more (the page size already counts them); any
 * other list field counts as `LIST_FAN_OUT` items. Fragments count where they are spread.
 */
import {
  getNamedType,
  getNullableType,
  isListType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  isCompositeType,
  isObjectType,
  isInterfaceType,
  valueFromASTUntyped,
} from 'graphql';

import { MAX_PAGE_SIZE } from '../translate/pagination.ts';

/** Items assumed for a list without a page size (evidence, edges of a node, parties). */
const LIST_FAN_OUT = 5;

export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): number {
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  return selectionCost(schema, root, operation.selectionSet, 1, fragments, new Set());
}

function selectionCost(
  schema: GraphQLSchema,
  parent: GraphQLCompositeType,
  selectionSet: SelectionSetNode,
  times: number,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  spreading: Set<string>,
): number {
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      if (name.startsWith('__')) continue;
      const field = fieldOf(parent, name);
      if (!field) continue;
      const count = times * multiplier(parent, field, selection.arguments ?? []);
      cost += count;
      const type = getNamedType(field.type);
      if (selection.selectionSet && isCompositeType(type)) {
        cost += selectionCost(schema, type, selection.selectionSet, count, fragments, spreading);
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const condition = selection.typeCondition
        ? schema.getType(selection.typeCondition.name.value)
        : parent;
      if (condition && isCompositeType(condition)) {
        cost += selectionCost(
          schema,
          condition,
          selection.selectionSet,
          times,
          fragments,
          spreading,
        );
      }
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (!fragment || spreading.has(name)) continue;
      const condition = schema.getType(fragment.typeCondition.name.value);
      if (!condition || !isCompositeType(condition)) continue;
      spreading.add(name);
      cost += selectionCost(schema, condition, fragment.selectionSet, times, fragments, spreading);
      spreading.delete(name);
    }
  }
  return cost;
}

function fieldOf(
  parent: GraphQLCompositeType,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}

function multiplier(
  parent: GraphQLCompositeType,
  field: GraphQLField<unknown, unknown>,
  args: readonly { name: { value: string }; value: Parameters<typeof valueFromASTUntyped>[0] }[],
): number {
  const firstArg = field.args.find((a) => a.name === 'first');
  if (firstArg) {
    const given = args.find((a) => a.name.value === 'first');
    if (!given) return typeof firstArg.defaultValue === 'number' ? firstArg.defaultValue : 1;
    if (given.value.kind === Kind.VARIABLE) return MAX_PAGE_SIZE;
    const value = valueFromASTUntyped(given.value);
    return typeof value === 'number' && value > 0 ? value : 1;
  }
  if (!isListType(getNullableType(field.type))) return 1;
  if (field.name === 'edges' && parent.name.endsWith('Connection')) return 1;
  return LIST_FAN_OUT;
}
