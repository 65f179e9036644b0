/**
 * The GraphQL schema checked against the vocabulary (src/model/) at start-up: every field of
 * a node type is a declared property, a field bound to a declared relationship (with the
 * list/edge shape and target the binding states, from the end its labels allow) or a
 * computed field the translator knows; every bound field exists in the SDL; every enum value
 * exists on both sides; the `Node` interface's types are the model's. `buildSchema` throws
 * on any mismatch, naming each field, so the server does not start on a drifted schema.
 */
import {
  getNamedType,
  isEnumType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';

import { modelProblems } from '../model/check-model.ts';
import { ENUMS, graphqlEnumValue, type EnumName } from '../model/enums.ts';
import { NODE_KINDS, NODE_LABELS, NODE_TYPES, type NodeLabel } from '../model/node-kinds.ts';
import type { PropertySpec } from '../model/property.ts';
import { GRAPH_MODEL, type FieldSpec } from '../translate/graph-model.ts';

/** One message per mismatch between the SDL and the model; empty when they agree. */
export function schemaProblems(schema: GraphQLSchema): string[] {
  const problems = modelProblems();
  for (const label of NODE_LABELS) problems.push(...nodeTypeProblems(schema, label));
  for (const name of Object.keys(ENUMS) as EnumName[])
    problems.push(...enumProblems(schema, name, ENUMS[name].map(graphqlEnumValue)));
  problems.push(...enumProblems(schema, 'NodeKind', NODE_LABELS.map(graphqlEnumValue)));
  const node = schema.getType('Node');
  const implementers =
    node && isInterfaceType(node) ? schema.getPossibleTypes(node).map((t) => t.name) : [];
  if (!sameSet(implementers, NODE_TYPES))
    problems.push(
      `Node is implemented by ${implementers.join(', ')}; the model says ${NODE_TYPES.join(', ')}`,
    );
  return problems;
}

/** Throws one Error listing every mismatch (see schemaProblems). */
export function assertSchemaMatchesModel(schema: GraphQLSchema): void {
  const problems = schemaProblems(schema);
  if (problems.length > 0)
    throw new Error(
      `The GraphQL schema (schema/*.graphql) does not match the vocabulary (src/model/):\n  - ${problems.join('\n  - ')}`,
    );
}

function nodeTypeProblems(schema: GraphQLSchema, label: NodeLabel): string[] {
  const type = schema.getType(label);
  if (!type || !isObjectType(type)) return [`node kind ${label} has no object type in the SDL`];
  const problems: string[] = [];
  const properties: Record<string, PropertySpec> = NODE_KINDS[label].properties;
  const table = GRAPH_MODEL[label]?.fields ?? {};
  const sdlFields = type.getFields();
  for (const [name, spec] of Object.entries(table))
    if (spec.kind === 'rel' && !sdlFields[name])
      problems.push(
        `${label}.${name} follows ${spec.type} in the model but is missing from the SDL`,
      );
  for (const field of Object.values(sdlFields)) {
    const where = `${label}.${field.name}`;
    const spec = table[field.name];
    if (spec?.kind === 'rel') problems.push(...relationshipFieldProblems(where, field, spec));
    else if (spec === undefined && field.name !== 'id') {
      const property = properties[field.name];
      if (!property)
        problems.push(
          `${where} is in the SDL but is neither a declared property nor a relationship field of the model`,
        );
      else if (property.type === 'enum' && getNamedType(field.type).name !== property.enum)
        problems.push(
          `${where} is of type ${getNamedType(field.type).name}; the model says enum ${property.enum}`,
        );
    }
  }
  return problems;
}

function relationshipFieldProblems(
  where: string,
  field: GraphQLField<unknown, unknown>,
  spec: Extract<FieldSpec, { kind: 'rel' }>,
): string[] {
  const expected = spec.edge ? `${spec.target}Edge` : spec.target;
  const actual = getNamedType(field.type).name;
  const nullable = isNonNullType(field.type) ? field.type.ofType : field.type;
  const problems: string[] = [];
  if (actual !== expected)
    problems.push(
      `${where} returns ${actual}; it follows ${spec.type} (${spec.direction}) to ${spec.target}, so it must return ${expected}`,
    );
  if (isListType(nullable) === Boolean(spec.single))
    problems.push(
      `${where} must be ${spec.single ? 'a single node' : 'a list'} (model: ${spec.type})`,
    );
  return problems;
}

function enumProblems(schema: GraphQLSchema, name: string, values: readonly string[]): string[] {
  const type = schema.getType(name);
  if (!type || !isEnumType(type)) return [`enum ${name} is in the model but not in the SDL`];
  const sdl = type.getValues().map((v) => v.name);
  return [
    ...values
      .filter((v) => !sdl.includes(v))
      .map((v) => `enum ${name}: ${v} is in the model but not in the SDL`),
    ...sdl
      .filter((v) => !values.includes(v))
      .map((v) => `enum ${name}: ${v} is in the SDL but not in the model`),
  ];
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));
