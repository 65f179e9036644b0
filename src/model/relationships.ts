/**
 * Every relationship type in the graph: which labels it connects, its properties besides
 * provenance, what its evidence must state, and the GraphQL fields that follow it.
 *
 * Adding a relationship type is one entry here plus its SDL fields; the seed schema, the
 * loader's checks, the translator's field table and the start-up check against the SDL all
 * derive from it (a GraphQL field bound here but missing from the SDL, or an SDL
 * relationship field bound nowhere, stops the server naming the field).
 */
import { EVENT_LABELS, NODE_LABELS, SUBJECT_LABELS, type NodeLabel } from './node-kinds.ts';
import { int, ref, text, type PropertySpec } from './property.ts';

/** `out` follows the relationship from its start node; `in` from its end node. */
export type Direction = 'out' | 'in';

/** A GraphQL field that follows a relationship type from one node type. */
export interface FieldBinding {
  /** The GraphQL object type that has the field (a label at the `direction`'s near end). */
  on: NodeLabel;
  field: string;
  direction: Direction;
  /** GraphQL type of the node at the far end: a label, or `Node` for any Node kind. */
  target: NodeLabel | 'Node';
  /** Each item wraps the far node in an edge object (`ActorEdge`…). @default true */
  edge?: boolean;
  /** The field is one node (the first by id), not a list. @default false */
  single?: boolean;
}

export interface RelationshipSpec {
  from: readonly NodeLabel[];
  to: readonly NodeLabel[];
  /** Start labels a seed file's `relationships:` may use; [] when only the loader creates it. @default from */
  seedFrom?: readonly NodeLabel[];
  /** Properties besides provenance (`id`, `sourceIds`, `quotes`, `origin`). */
  properties: Record<string, PropertySpec>;
  /** What each quote of its evidence must state. */
  evidence: string;
  fields: readonly FieldBinding[];
}

const out = (
  on: NodeLabel,
  field: string,
  target: FieldBinding['target'],
  o: Pick<FieldBinding, 'edge' | 'single'> = {},
): FieldBinding => ({ on, field, direction: 'out', target, ...o });
const inn = (
  on: NodeLabel,
  field: string,
  target: FieldBinding['target'],
  o: Pick<FieldBinding, 'edge' | 'single'> = {},
): FieldBinding => ({ on, field, direction: 'in', target, ...o });

const role = text({ optional: true, doc: 'role as reported (mediator, broker, party…)' });
const reason = text({ optional: true, doc: 'the reason given, as reported' });
const note = text({ optional: true });
const days = int({
  optional: true,
  min: 0,
  doc: 'days between incident and meeting, only when stated',
});

export const RELATIONSHIPS = {
  DEMANDED: {
    from: ['Actor'],
    to: ['Demand'],
    properties: {},
    evidence: 'that the actor made the demand',
    fields: [out('Actor', 'demandsMade', 'Demand'), inn('Demand', 'madeBy', 'Actor')],
  },
  ADDRESSED_TO: {
    from: ['Demand', 'Statement'],
    to: ['Actor'],
    properties: {},
    evidence: 'of whom the demand is asked, or to whom the statement is said',
    fields: [
      inn('Actor', 'demandsReceived', 'Demand'),
      inn('Actor', 'statementsReceived', 'Statement'),
      out('Demand', 'addressedTo', 'Actor'),
      out('Statement', 'addressedTo', 'Actor'),
    ],
  },
  CONCERNS: {
    from: ['Demand'],
    to: ['Actor'],
    properties: {},
    evidence: 'whom the demand is about',
    fields: [inn('Actor', 'demandsAbout', 'Demand'), out('Demand', 'concerns', 'Actor')],
  },
  REJECTED: {
    from: ['Actor'],
    to: ['Demand'],
    properties: { reason },
    evidence: 'that the actor rejected the demand',
    fields: [out('Actor', 'demandsRejected', 'Demand'), inn('Demand', 'rejectedBy', 'Actor')],
  },
  ACCEPTED: {
    from: ['Actor'],
    to: ['Demand'],
    properties: { reason },
    evidence: 'that the actor accepted the demand',
    fields: [out('Actor', 'demandsAccepted', 'Demand'), inn('Demand', 'acceptedBy', 'Actor')],
  },
  COUNTERED: {
    from: ['Actor', 'Demand'],
    to: ['Demand'],
    properties: {},
    evidence: 'the counter-position or counter-demand and what it answers',
    fields: [
      out('Actor', 'demandsCountered', 'Demand'),
      inn('Demand', 'counteredBy', 'Actor'),
      inn('Demand', 'counterDemands', 'Demand'),
      out('Demand', 'counters', 'Demand'),
    ],
  },
  RAISED_AT: {
    from: ['Demand', 'Statement'],
    to: ['Meeting'],
    properties: {},
    evidence: 'that it was put on the table at the meeting',
    fields: [
      out('Demand', 'raisedAt', 'Meeting'),
      out('Statement', 'raisedAt', 'Meeting'),
      inn('Meeting', 'demandsRaised', 'Demand'),
      inn('Meeting', 'statementsRaised', 'Statement'),
    ],
  },
  ATTENDED: {
    from: ['Actor'],
    to: ['Meeting'],
    properties: { role, note },
    evidence: 'that the actor took part in the meeting',
    fields: [out('Actor', 'meetingsAttended', 'Meeting'), inn('Meeting', 'parties', 'Actor')],
  },
  MEDIATED: {
    from: ['Actor'],
    to: ['Meeting'],
    properties: { role, note },
    evidence: 'that the actor mediated, facilitated, brokered or supported the meeting',
    fields: [out('Actor', 'meetingsMediated', 'Meeting'), inn('Meeting', 'mediators', 'Actor')],
  },
  HOSTED: {
    from: ['Actor'],
    to: ['Meeting'],
    properties: {},
    evidence: 'that the actor hosted the meeting',
    fields: [out('Actor', 'meetingsHosted', 'Meeting'), inn('Meeting', 'hosts', 'Actor')],
  },
  FOLLOWED: {
    from: EVENT_LABELS,
    to: EVENT_LABELS,
    properties: { note },
    evidence: 'that the event (meeting, incident, statement, position) came after the other',
    fields: [out('Meeting', 'follows', 'Meeting'), inn('Meeting', 'followedBy', 'Meeting')],
  },
  OCCURRED_DURING: {
    from: EVENT_LABELS,
    to: EVENT_LABELS,
    properties: { note, days },
    evidence: 'that the event happened while the other was under way, or the same day',
    fields: [out('Incident', 'during', 'Meeting'), inn('Meeting', 'incidentsDuring', 'Incident')],
  },
  OCCURRED_BEFORE: {
    from: EVENT_LABELS,
    to: EVENT_LABELS,
    properties: { days, note },
    evidence: 'that the event happened before the other',
    fields: [out('Incident', 'before', 'Meeting'), inn('Meeting', 'incidentsBefore', 'Incident')],
  },
  CARRIED_OUT: {
    from: ['Actor'],
    to: ['Incident'],
    properties: {},
    evidence: 'that the actor carried out or acknowledged the incident',
    fields: [
      out('Actor', 'incidentsCarriedOut', 'Incident'),
      inn('Incident', 'carriedOutBy', 'Actor'),
    ],
  },
  BLAMED_FOR: {
    from: ['Actor'],
    to: ['Incident'],
    properties: {
      blamedBy: ref(['Actor'], { optional: true, doc: 'the actor who does the blaming' }),
    },
    evidence: 'that the actor was blamed for the incident, and by whom',
    fields: [out('Actor', 'incidentsBlamedFor', 'Incident'), inn('Incident', 'blamed', 'Actor')],
  },
  ACCUSED: {
    from: ['Actor'],
    to: ['Incident'],
    properties: {},
    evidence: 'that the actor made accusations over the incident',
    fields: [out('Actor', 'accusationsOver', 'Incident'), inn('Incident', 'accusers', 'Actor')],
  },
  STATED: {
    from: ['Actor'],
    to: ['Statement'],
    properties: { note },
    evidence: 'that the actor said it',
    fields: [out('Actor', 'statements', 'Statement'), inn('Statement', 'statedBy', 'Actor')],
  },
  ABOUT: {
    from: ['Statement', 'Claim'],
    to: SUBJECT_LABELS,
    // A Claim's ABOUT comes from its `subject`, never from `relationships:`.
    seedFrom: ['Statement'],
    properties: {},
    evidence: 'what the statement concerns',
    fields: [
      inn('Actor', 'statementsAbout', 'Statement'),
      inn('Demand', 'statementsAbout', 'Statement'),
      inn('Meeting', 'statementsAbout', 'Statement'),
      inn('Incident', 'statementsAbout', 'Statement'),
      out('Statement', 'about', 'Node'),
      inn('Actor', 'claims', 'Claim', { edge: false }),
      inn('Meeting', 'claims', 'Claim', { edge: false }),
      out('Claim', 'subject', 'Node', { edge: false, single: true }),
    ],
  },
  RESPONDS_TO: {
    from: ['Statement'],
    to: ['Statement', 'Demand'],
    properties: {},
    evidence: 'that the statement replies to the other statement or demand',
    fields: [out('Statement', 'respondsTo', 'Node'), inn('Statement', 'responses', 'Statement')],
  },
  REPRESENTS: {
    from: ['Actor'],
    to: ['Actor'],
    properties: { role },
    evidence: 'that the person or body acts for the actor',
    fields: [out('Actor', 'represents', 'Actor'), inn('Actor', 'representedBy', 'Actor')],
  },
  HELD: {
    from: ['Actor'],
    to: ['Position'],
    // Derived by the loader from a Position's `actor`.
    seedFrom: [],
    properties: {},
    evidence: 'the position itself',
    fields: [
      out('Actor', 'positions', 'Position'),
      inn('Position', 'actor', 'Actor', { edge: false, single: true }),
    ],
  },
  ON: {
    from: ['Position'],
    to: ['Actor', 'Demand', 'Meeting'],
    // Derived by the loader from a Position's `on`.
    seedFrom: [],
    properties: {},
    evidence: 'the position itself',
    fields: [out('Position', 'on', 'Node', { edge: false, single: true })],
  },
  REPORTED_BY: {
    from: NODE_LABELS.filter((l) => l !== 'Source'),
    to: ['Source'],
    // Derived by the loader: one per node and report, carrying that report's quotes.
    seedFrom: [],
    properties: {},
    evidence: 'the node itself (the quotes are the node’s evidence from this report)',
    fields: [],
  },
} as const satisfies Record<string, RelationshipSpec>;

export type RelationshipType = keyof typeof RELATIONSHIPS;
export const RELATIONSHIP_TYPES = Object.keys(RELATIONSHIPS) as RelationshipType[];

/** Relationship types a seed file's `relationships:` section may use. */
export const SEEDED_RELATIONSHIP_TYPES = RELATIONSHIP_TYPES.filter(
  (t) => seedFrom(t).length > 0,
) as [RelationshipType, ...RelationshipType[]];

/** Start labels the seeds may give a relationship type. */
export function seedFrom(type: RelationshipType): readonly NodeLabel[] {
  const spec: RelationshipSpec = RELATIONSHIPS[type];
  return spec.seedFrom ?? spec.from;
}

/** Every relationship property declared on any type, with its spec (same name, same spec). */
export const RELATIONSHIP_PROPERTIES: Record<string, PropertySpec> = Object.assign(
  {},
  ...RELATIONSHIP_TYPES.map((t) => RELATIONSHIPS[t].properties),
) as Record<string, PropertySpec>;

/** The order-of-events relationships: A OCCURRED_BEFORE B, A FOLLOWED B, A OCCURRED_DURING B. */
export const ORDER_TYPES = [
  'OCCURRED_BEFORE',
  'FOLLOWED',
  'OCCURRED_DURING',
] as const satisfies readonly RelationshipType[];
