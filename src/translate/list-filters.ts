/**
 * Filters for the list root fields, as DATA: each GraphQL filter input becomes a ListFilter
 * of anchors and conditions, rendered to Cypher only by `renderConditions` and the list
 * translator (list-connection.ts). Every value becomes a parameter; relationship types and
 * labels come from the vocabulary.
 *
 * A filter on a relationship to a node given by id ("made by pakistan") is an *anchor*: a
 * pattern from that node. The query starts from the first anchor (an index seek on the
 * id, then an expansion), so its cost follows the anchor's degree, not the size of the
 * graph; further anchors become EXISTS checks on each candidate.
 */
import Cypher from '@neo4j/cypher-builder';

import type { NodeLabel } from '../model/node-kinds.ts';
import type { Direction, RelationshipType } from '../model/relationships.ts';
import { listOrEmpty, param } from './cypher-values.ts';
import { hasVoiceFilter, voicePredicate, type VoiceFilter } from './voice-filter.ts';

type Maybe<T> = T | null | undefined;

/** A relationship between the listed node and the node of `label` with `id`. */
export interface Anchor {
  label: NodeLabel;
  id: string;
  /** Any of these types. */
  types: readonly RelationshipType[];
  /** Seen from the listed node: `in` when the anchor node is the relationship's start. */
  direction: Direction;
  /** Also through an actor that REPRESENTS the anchor node (a person speaking for a state). */
  orRepresentative?: boolean;
}

/** A condition on the listed node's own properties. */
export type Condition =
  /** Case-insensitive substring of any of the properties. */
  | { kind: 'contains'; properties: readonly string[]; text: string }
  /** Case-insensitive substring of `name` or of any of `aliases`. */
  | { kind: 'nameOrAlias'; text: string }
  /** The property's value is one of `values`. */
  | { kind: 'oneOf'; property: string; values: readonly string[] }
  /** The report `source` states the node. */
  | { kind: 'statedBy'; source: string }
  /** Happened during a meeting, or at most `days` before one. */
  | { kind: 'nearMeeting'; days: number }
  /** One of its quotes passes a voice filter (voice-filter.ts). */
  | { kind: 'voice'; filter: VoiceFilter };

export interface ListFilter {
  anchors: Anchor[];
  conditions: Condition[];
}

/** The pattern of an anchor, binding the listed node `v`. */
export function anchorPattern(anchor: Anchor, v: Cypher.Node, label?: string): Cypher.Pattern {
  const start = new Cypher.Pattern({ labels: anchor.label, properties: { id: param(anchor.id) } });
  const from = anchor.orRepresentative
    ? start
        .related({ type: 'REPRESENTS', direction: 'left', length: { min: 0, max: 1 } })
        .to({ labels: anchor.label })
    : start;
  const [first, ...more] = anchor.types;
  const type = more.length > 0 ? Cypher.labelExpr.or(...anchor.types) : first;
  return from
    .related({ ...(type ? { type } : {}), direction: anchor.direction === 'in' ? 'right' : 'left' })
    .to(v, label ? { labels: label } : {});
}

/** The WHERE predicate of `conditions` over `v`, or undefined when there are none. */
export function renderConditions(
  conditions: readonly Condition[],
  v: Cypher.Node,
): Cypher.Predicate | undefined {
  return Cypher.and(...conditions.map((c) => renderCondition(c, v)));
}

function renderCondition(c: Condition, v: Cypher.Node): Cypher.Predicate {
  switch (c.kind) {
    case 'contains': {
      const text = param(c.text.toLowerCase());
      return Cypher.or(
        ...c.properties.map((p) =>
          Cypher.contains(
            Cypher.toLower(Cypher.coalesce(v.property(p), new Cypher.Literal(''))),
            text,
          ),
        ),
      ) as Cypher.Predicate;
    }
    case 'nameOrAlias': {
      const text = param(c.text.toLowerCase());
      const alias = new Cypher.Variable();
      return Cypher.or(
        Cypher.contains(Cypher.toLower(v.property('name')), text),
        Cypher.any(
          alias,
          listOrEmpty(v.property('aliases')),
          Cypher.contains(Cypher.toLower(alias), text),
        ),
      );
    }
    case 'oneOf':
      return Cypher.in(v.property(c.property), param(c.values));
    case 'statedBy':
      return Cypher.in(param(c.source), v.property('sourceIds'));
    case 'voice':
      return voicePredicate(c.filter, v) ?? new Cypher.Literal(true);
    case 'nearMeeting': {
      const near = new Cypher.Relationship();
      const pattern = new Cypher.Pattern(v)
        .related(near, { type: Cypher.labelExpr.or('OCCURRED_DURING', 'OCCURRED_BEFORE') })
        .to({ labels: 'Meeting' });
      return new Cypher.Exists(
        new Cypher.Match(pattern).where(
          Cypher.or(
            Cypher.eq(Cypher.type(near), new Cypher.Literal('OCCURRED_DURING')),
            Cypher.lte(near.property('days'), param(c.days)),
          ),
        ),
      );
    }
  }
}

const anchorOn =
  (label: NodeLabel, types: RelationshipType[], direction: Direction, orRepresentative = false) =>
  (id: Maybe<string>): Anchor[] =>
    id ? [{ label, id, types, direction, ...(orRepresentative ? { orRepresentative } : {}) }] : [];
const oneOf = (property: string, values: Maybe<readonly string[]>): Condition[] =>
  values && values.length > 0 ? [{ kind: 'oneOf', property, values }] : [];
const contains = (properties: string[], text: Maybe<string>): Condition[] =>
  text ? [{ kind: 'contains', properties, text }] : [];
const statedBy = (source: Maybe<string>): Condition[] =>
  source ? [{ kind: 'statedBy', source }] : [];

export interface ActorFilter {
  name?: Maybe<string>;
  kind?: Maybe<readonly string[]>;
  source?: Maybe<string>;
}
export const actorFilter = (f: Maybe<ActorFilter>): ListFilter => ({
  anchors: [],
  conditions: [
    ...(f?.name ? [{ kind: 'nameOrAlias', text: f.name } as const] : []),
    ...oneOf('kind', f?.kind),
    ...statedBy(f?.source),
  ],
});

export interface DemandFilter {
  text?: Maybe<string>;
  issue?: Maybe<readonly string[]>;
  madeBy?: Maybe<string>;
  addressedTo?: Maybe<string>;
  rejectedBy?: Maybe<string>;
  concerns?: Maybe<string>;
  raisedAt?: Maybe<string>;
  source?: Maybe<string>;
}
export const demandFilter = (f: Maybe<DemandFilter>): ListFilter => ({
  anchors: [
    ...anchorOn('Actor', ['DEMANDED'], 'in', true)(f?.madeBy),
    ...anchorOn('Actor', ['ADDRESSED_TO'], 'out')(f?.addressedTo),
    ...anchorOn('Actor', ['REJECTED'], 'in', true)(f?.rejectedBy),
    ...anchorOn('Actor', ['CONCERNS'], 'out')(f?.concerns),
    ...anchorOn('Meeting', ['RAISED_AT'], 'out')(f?.raisedAt),
  ],
  conditions: [
    ...contains(['summary'], f?.text),
    ...oneOf('issue', f?.issue),
    ...statedBy(f?.source),
  ],
});

export interface MeetingFilter {
  text?: Maybe<string>;
  kind?: Maybe<readonly string[]>;
  actor?: Maybe<string>;
  mediator?: Maybe<string>;
  source?: Maybe<string>;
}
export const meetingFilter = (f: Maybe<MeetingFilter>): ListFilter => ({
  anchors: [
    ...anchorOn('Actor', ['ATTENDED', 'MEDIATED', 'HOSTED'], 'in')(f?.actor),
    ...anchorOn('Actor', ['MEDIATED'], 'in')(f?.mediator),
  ],
  conditions: [
    ...contains(['name', 'place'], f?.text),
    ...oneOf('kind', f?.kind),
    ...statedBy(f?.source),
  ],
});

export interface IncidentFilter {
  text?: Maybe<string>;
  kind?: Maybe<readonly string[]>;
  blamed?: Maybe<string>;
  withinDaysOfMeeting?: Maybe<number>;
  source?: Maybe<string>;
}
export const incidentFilter = (f: Maybe<IncidentFilter>): ListFilter => ({
  anchors: anchorOn('Actor', ['BLAMED_FOR'], 'in')(f?.blamed),
  conditions: [
    ...contains(['summary', 'place'], f?.text),
    ...oneOf('kind', f?.kind),
    ...(f?.withinDaysOfMeeting !== undefined && f.withinDaysOfMeeting !== null
      ? [{ kind: 'nearMeeting', days: f.withinDaysOfMeeting } as const]
      : []),
    ...statedBy(f?.source),
  ],
});

export interface StatementFilter {
  text?: Maybe<string>;
  kind?: Maybe<readonly string[]>;
  statedBy?: Maybe<string>;
  voice?: Maybe<VoiceFilter>;
  source?: Maybe<string>;
}
export const statementFilter = (f: Maybe<StatementFilter>): ListFilter => ({
  anchors: anchorOn('Actor', ['STATED'], 'in', true)(f?.statedBy),
  conditions: [
    ...contains(['summary'], f?.text),
    ...oneOf('kind', f?.kind),
    ...(hasVoiceFilter(f?.voice) ? [{ kind: 'voice', filter: f.voice } as const] : []),
    ...statedBy(f?.source),
  ],
});
