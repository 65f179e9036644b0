/**
 * GraphQL field collection (spec §6.3.2 CollectFields) for one runtime object type:
 * expands fragment spreads and inline fragments whose type condition applies, honours
 * @skip/@include, and groups fields by response key (alias or name) so that sub-selections
 * of the same key are merged, as the executor would.
 */
import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  getDirectiveValues,
  isAbstractType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

export interface SelectionContext {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variableValues: Record<string, unknown>;
}

export function collectFields(
  ctx: SelectionContext,
  typeName: string,
  selectionSets: readonly (SelectionSetNode | undefined)[],
): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const visited = new Set<string>();
  const visit = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (!shouldInclude(ctx, selection)) continue;
      switch (selection.kind) {
        case Kind.FIELD: {
          const key = selection.alias?.value ?? selection.name.value;
          const list = fields.get(key);
          if (list) list.push(selection);
          else fields.set(key, [selection]);
          break;
        }
        case Kind.INLINE_FRAGMENT:
          if (appliesTo(ctx, selection.typeCondition?.name.value, typeName))
            visit(selection.selectionSet);
          break;
        case Kind.FRAGMENT_SPREAD: {
          const name = selection.name.value;
          const fragment = ctx.fragments[name];
          if (!fragment || visited.has(name)) break;
          visited.add(name);
          if (appliesTo(ctx, fragment.typeCondition.name.value, typeName))
            visit(fragment.selectionSet);
          break;
        }
      }
    }
  };
  for (const set of selectionSets) if (set) visit(set);
  return fields;
}

function appliesTo(
  ctx: SelectionContext,
  condition: string | undefined,
  typeName: string,
): boolean {
  if (condition === undefined || condition === typeName) return true;
  const conditionType = ctx.schema.getType(condition);
  const runtimeType = ctx.schema.getType(typeName);
  if (!conditionType || !runtimeType || !isAbstractType(conditionType)) return false;
  return ctx.schema.getPossibleTypes(conditionType).some((t) => t.name === typeName);
}

function shouldInclude(
  ctx: SelectionContext,
  node: Parameters<typeof getDirectiveValues>[1],
): boolean {
  const skip = getDirectiveValues(GraphQLSkipDirective, node, ctx.variableValues);
  if (skip?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node, ctx.variableValues);
  return include?.if !== false;
}
