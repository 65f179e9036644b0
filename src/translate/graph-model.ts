/**
 * How the GraphQL types in schema/ map onto the graph: each object type's label and, per
 * field, where its value comes from (a property, a relationship, provenance, a date).
 *
 * The translator reads only this table; adding a relationship field to the SDL means
 * adding one line here. Relationship types and labels come from this compile-time table,
 * never from request input.
 */

export type Direction = 'out' | 'in';

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
      type: string;
      direction: Direction;
      /** GraphQL type of the node at the other end. */
      target: string;
      edge: boolean;
      single?: boolean;
    }
  /** A Cypher expression over the node variable `$v` (written as `$v` in the text). */
  | { kind: 'expr'; cypher: string };

export interface TypeSpec {
  label: string;
  fields: Record<string, FieldSpec>;
}

const rel = (type: string, direction: Direction, target: string, edge = true): FieldSpec => ({
  kind: 'rel',
  type,
  direction,
  target,
  edge,
});

/** Labels of the node types behind the `Node` interface. */
export const NODE_TYPES = ['Actor', 'Demand', 'Meeting', 'Incident', 'Statement', 'Claim'] as const;
export type NodeTypeName = (typeof NODE_TYPES)[number];

export const GRAPH_MODEL: Record<string, TypeSpec> = {
  Actor: {
    label: 'Actor',
    fields: {
      aliases: { kind: 'prop', list: true },
      represents: rel('REPRESENTS', 'out', 'Actor'),
      representedBy: rel('REPRESENTS', 'in', 'Actor'),
      demandsMade: rel('DEMANDED', 'out', 'Demand'),
      demandsReceived: rel('ADDRESSED_TO', 'in', 'Demand'),
      demandsAbout: rel('CONCERNS', 'in', 'Demand'),
      demandsRejected: rel('REJECTED', 'out', 'Demand'),
      demandsAccepted: rel('ACCEPTED', 'out', 'Demand'),
      demandsCountered: rel('COUNTERED', 'out', 'Demand'),
      meetingsAttended: rel('ATTENDED', 'out', 'Meeting'),
      meetingsMediated: rel('MEDIATED', 'out', 'Meeting'),
      meetingsHosted: rel('HOSTED', 'out', 'Meeting'),
      incidentsBlamedFor: rel('BLAMED_FOR', 'out', 'Incident'),
      incidentsCarriedOut: rel('CARRIED_OUT', 'out', 'Incident'),
      accusationsOver: rel('ACCUSED', 'out', 'Incident'),
      statements: rel('STATED', 'out', 'Statement'),
      statementsAbout: rel('ABOUT', 'in', 'Statement'),
      statementsReceived: rel('ADDRESSED_TO', 'in', 'Statement'),
      claims: rel('ABOUT', 'in', 'Claim', false),
      evidence: { kind: 'evidence' },
    },
  },
  Demand: {
    label: 'Demand',
    fields: {
      madeBy: rel('DEMANDED', 'in', 'Actor'),
      addressedTo: rel('ADDRESSED_TO', 'out', 'Actor'),
      concerns: rel('CONCERNS', 'out', 'Actor'),
      rejectedBy: rel('REJECTED', 'in', 'Actor'),
      acceptedBy: rel('ACCEPTED', 'in', 'Actor'),
      counteredBy: rel('COUNTERED', 'in', 'Actor'),
      counterDemands: rel('COUNTERED', 'in', 'Demand'),
      counters: rel('COUNTERED', 'out', 'Demand'),
      raisedAt: rel('RAISED_AT', 'out', 'Meeting'),
      statementsAbout: rel('ABOUT', 'in', 'Statement'),
      evidence: { kind: 'evidence' },
    },
  },
  Meeting: {
    label: 'Meeting',
    fields: {
      date: { kind: 'date' },
      parties: rel('ATTENDED', 'in', 'Actor'),
      mediators: rel('MEDIATED', 'in', 'Actor'),
      hosts: rel('HOSTED', 'in', 'Actor'),
      demandsRaised: rel('RAISED_AT', 'in', 'Demand'),
      statementsRaised: rel('RAISED_AT', 'in', 'Statement'),
      incidentsDuring: rel('OCCURRED_DURING', 'in', 'Incident'),
      incidentsBefore: rel('OCCURRED_BEFORE', 'in', 'Incident'),
      follows: rel('FOLLOWED', 'out', 'Meeting'),
      followedBy: rel('FOLLOWED', 'in', 'Meeting'),
      statementsAbout: rel('ABOUT', 'in', 'Statement'),
      claims: rel('ABOUT', 'in', 'Claim', false),
      evidence: { kind: 'evidence' },
    },
  },
  Incident: {
    label: 'Incident',
    fields: {
      date: { kind: 'date' },
      blamed: rel('BLAMED_FOR', 'in', 'Actor'),
      accusers: rel('ACCUSED', 'in', 'Actor'),
      carriedOutBy: rel('CARRIED_OUT', 'in', 'Actor'),
      during: rel('OCCURRED_DURING', 'out', 'Meeting'),
      before: rel('OCCURRED_BEFORE', 'out', 'Meeting'),
      statementsAbout: rel('ABOUT', 'in', 'Statement'),
      evidence: { kind: 'evidence' },
    },
  },
  Statement: {
    label: 'Statement',
    fields: {
      date: { kind: 'date' },
      statedBy: rel('STATED', 'in', 'Actor'),
      addressedTo: rel('ADDRESSED_TO', 'out', 'Actor'),
      about: rel('ABOUT', 'out', 'Node'),
      respondsTo: rel('RESPONDS_TO', 'out', 'Node'),
      responses: rel('RESPONDS_TO', 'in', 'Statement'),
      raisedAt: rel('RAISED_AT', 'out', 'Meeting'),
      evidence: { kind: 'evidence' },
    },
  },
  Claim: {
    label: 'Claim',
    fields: {
      subject: {
        kind: 'rel',
        type: 'ABOUT',
        direction: 'out',
        target: 'Node',
        edge: false,
        single: true,
      },
      evidence: { kind: 'evidence' },
    },
  },
  Source: {
    label: 'Source',
    fields: {
      statesCount: { kind: 'expr', cypher: 'COUNT { ($v)<-[:REPORTED_BY]-() }' },
    },
  },
};

/** Label to match for a GraphQL type; the `Node` interface matches any Entity. */
export function labelOf(typeName: string): string {
  return typeName === 'Node' ? 'Entity' : (GRAPH_MODEL[typeName]?.label ?? typeName);
}
