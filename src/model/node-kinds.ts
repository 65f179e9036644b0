/**
 * Every kind of node in the graph: its label (also its GraphQL type name), the seed-file
 * section that defines it, whether it implements the GraphQL `Node` interface, and its
 * properties. Every node also carries the `Entity` label, a unique `id` and provenance
 * (`sourceIds`, `quotes`, `origin`; see provenance.ts).
 *
 * Adding a node kind or a property is one edit here (plus its SDL type or field): the seed
 * schema, the loader, the translator, the enum resolvers and the documentation check all
 * derive from this table.
 */
import { date, enumOf, int, ref, strings, text, type PropertySpec } from './property.ts';

export interface NodeKindSpec {
  /** The seed-file section (`actors:`) listing nodes of this kind. */
  section: string;
  /** Implements the GraphQL `Node` interface (found by `node(id)`, `search`, `graph`). */
  isNode: boolean;
  /** What a node of this kind is, for documentation. */
  doc: string;
  properties: Record<string, PropertySpec>;
}

/** Labels a Claim's subject (and a Statement's ABOUT) may have. */
export const SUBJECT_LABELS = ['Actor', 'Demand', 'Meeting', 'Incident', 'Statement'] as const;

export const NODE_KINDS = {
  Source: {
    section: 'sources',
    isNode: false,
    doc: 'a report, with only what it says of its own origin',
    properties: {
      file: text({
        pattern: { regex: /^[\w.-]+\.txt$/, message: 'must be a file name ending in .txt' },
        doc: 'file name of the report text (in REPORTS_DIR), used to verify quotes',
      }),
      title: text({ optional: true }),
      outlet: text({ optional: true }),
      byline: text({ optional: true }),
      dateline: text({ optional: true }),
      published: text({ optional: true }),
      originNote: text({ doc: 'what the report itself says about its origin' }),
      text: text({
        apiOnly: true,
        doc: 'the full text of a report added through the API (seed reports stay in REPORTS_DIR)',
      }),
      textHash: text({
        apiOnly: true,
        doc: 'SHA-256 of the normalised text: the same text twice is the same report',
      }),
    },
  },
  Actor: {
    section: 'actors',
    isNode: true,
    doc: 'a state, government, armed group, military, person, organization or media outlet',
    properties: {
      name: text(),
      kind: enumOf('ActorKind'),
      aliases: strings(),
      role: text({ optional: true, doc: 'for persons: their role as reported' }),
    },
  },
  Demand: {
    section: 'demands',
    isNode: true,
    doc: 'something one actor asks of another',
    properties: { summary: text(), issue: enumOf('Issue') },
  },
  Meeting: {
    section: 'meetings',
    isNode: true,
    doc: 'a round of talks, a signing or a bilateral meeting',
    properties: {
      name: text(),
      kind: enumOf('MeetingKind'),
      place: text({ optional: true }),
      date: date({ optional: true }),
      outcome: text({ optional: true }),
    },
  },
  Incident: {
    section: 'incidents',
    isNode: true,
    doc: 'an attack, clash or strike',
    properties: {
      summary: text(),
      kind: enumOf('IncidentKind'),
      place: text({ optional: true }),
      date: date({ optional: true }),
      killed: int({ optional: true, min: 0, doc: 'as reported; absent when no figure is given' }),
      injured: int({ optional: true, min: 0, doc: 'as reported; absent when no figure is given' }),
      casualtiesText: text({ optional: true, doc: 'the report’s own words for the casualties' }),
    },
  },
  Statement: {
    section: 'statements',
    isNode: true,
    doc: 'something an actor said: a threat, a denial, a proposal…',
    properties: { summary: text(), kind: enumOf('StatementKind'), date: date({ optional: true }) },
  },
  Claim: {
    section: 'claims',
    isNode: true,
    doc: 'one report’s version of a fact on which reports disagree',
    properties: {
      subject: ref(SUBJECT_LABELS, {
        doc: 'the node the claim is about; the loader also links it with ABOUT',
      }),
      property: text({
        pattern: { regex: /^[a-z][a-zA-Z]*$/, message: 'must be a camelCase property name' },
      }),
      value: text(),
    },
  },
  Position: {
    section: 'positions',
    isNode: true,
    doc: 'one actor’s role or stance at one point of the negotiation, an event in time',
    properties: {
      actor: ref(['Actor'], { doc: 'who holds it; the loader also links actor -HELD-> position' }),
      stance: enumOf('Stance'),
      on: ref(['Actor', 'Demand', 'Meeting'], {
        doc: 'the demand, meeting or actor (whose side) it is on; the loader also links it with ON',
      }),
      summary: text(),
      date: date({ optional: true }),
    },
  },
} as const satisfies Record<string, NodeKindSpec>;

/** Events: what the order-of-events relationships (OCCURRED_BEFORE, FOLLOWED, OCCURRED_DURING) connect. */
export const EVENT_LABELS = ['Meeting', 'Incident', 'Statement', 'Position'] as const;

export type NodeLabel = keyof typeof NODE_KINDS;
export const NODE_LABELS = Object.keys(NODE_KINDS) as NodeLabel[];

/** Labels of the kinds behind the GraphQL `Node` interface, in declaration order. */
export type NodeTypeName = {
  [L in NodeLabel]: (typeof NODE_KINDS)[L]['isNode'] extends true ? L : never;
}[NodeLabel];
export const NODE_TYPES = NODE_LABELS.filter(
  (l): l is NodeTypeName => NODE_KINDS[l].isNode,
) as readonly NodeTypeName[];

/** The label every node carries besides its own; the `Node` interface matches it. */
export const ENTITY_LABEL = 'Entity';

export const isNodeLabel = (name: string): name is NodeLabel => Object.hasOwn(NODE_KINDS, name);
