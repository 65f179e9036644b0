/**
 * How the GraphQL types in schema/ map onto the graph: each object type's label and, per
 * field, where its value comes from (a property, a relationship, provenance, a date).
 *
 * DERIVED from the vocabulary in src/model/: properties from each node kind's declaration,
 * relationship fields from each relationship type's field bindings. Only computed fields
 * (`COMPUTED`) are stated here. Relationship types and labels come from this compile-time
 * table, never from request input.
 */
import Cypher from '@neo4j/cypher-builder';

import { ENTITY_LABEL, NODE_KINDS, NODE_LABELS, type NodeLabel } from '../model/node-kinds.ts';
import type { PropertySpec } from '../model/property.ts';
import {
  RELATIONSHIPS,
  RELATIONSHIP_TYPES,
  type Direction,
  type RelationshipSpec,
  type RelationshipType,
} from '../model/relationships.ts';

export type { Direction };

export type FieldSpec =
  /** A node property (default: the field's name). Lists default to []. */
  | { kind: 'prop'; property?: string; list?: boolean }
  /** FuzzyDate from `<prefix>Text`, `<prefix>Precision`, `<prefix>RelativeTo`. */
  | { kind: 'date' }
  /** [Evidence] zipped from the `sourceIds` and `quotes` lists. */
  | { kind: 'evidence' }
  /** A relationship; `edge` wraps each target in an edge object with the relationship's properties. */
  | {
      kind: 'rel';
      type: RelationshipType;
      direction: Direction;
      /** GraphQL type of the node at the other end. */
      target: NodeLabel | 'Node';
      edge: boolean;
      single?: boolean;
    }
  /** A value computed in Cypher from the node bound to the variable given. */
  | { kind: 'computed'; build: (v: Cypher.Variable) => Cypher.Expr };

export interface TypeSpec {
  label: string;
  fields: Record<string, FieldSpec>;
}

/** Fields computed by the translator rather than stored: the only hand-written entries. */
const COMPUTED: Partial<Record<NodeLabel, Record<string, FieldSpec>>> = {
  Source: {
    /** How many nodes this report states: `COUNT { (v)<-[:REPORTED_BY]-() }`. */
    statesCount: {
      kind: 'computed',
      build: (v) =>
        new Cypher.Count(
          new Cypher.Pattern(v).related({ type: 'REPORTED_BY', direction: 'left' }).to(),
        ),
    },
  },
};

function propertyField(spec: PropertySpec): FieldSpec | undefined {
  if (spec.type === 'date') return { kind: 'date' };
  if (spec.type === 'strings') return { kind: 'prop', list: true };
  return undefined;
}

function typeSpec(label: NodeLabel): TypeSpec {
  const fields: Record<string, FieldSpec> = {};
  const properties: Record<string, PropertySpec> = NODE_KINDS[label].properties;
  for (const [name, p] of Object.entries(properties)) {
    const field = propertyField(p);
    if (field) fields[name] = field;
  }
  for (const type of RELATIONSHIP_TYPES) {
    const rel: RelationshipSpec = RELATIONSHIPS[type];
    for (const b of rel.fields)
      if (b.on === label)
        fields[b.field] = {
          kind: 'rel',
          type,
          direction: b.direction,
          target: b.target,
          edge: b.edge ?? true,
          ...(b.single ? { single: true } : {}),
        };
  }
  if (NODE_KINDS[label].isNode) fields.evidence = { kind: 'evidence' };
  return { label, fields: { ...fields, ...COMPUTED[label] } };
}

export const GRAPH_MODEL: Record<string, TypeSpec> = Object.fromEntries(
  NODE_LABELS.map((label) => [label, typeSpec(label)]),
);

/** Label to match for a GraphQL type; the `Node` interface matches any Entity. */
export function labelOf(typeName: string): string {
  return typeName === 'Node' ? ENTITY_LABEL : (GRAPH_MODEL[typeName]?.label ?? typeName);
}
