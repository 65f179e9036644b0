/**
 * Filters for the list root fields. Every value becomes a parameter; the relationship types
 * are fixed here.
 *
 * A filter on a relationship to a node given by id ("made by pakistan") is an *anchor*: a
 * pattern from that node. The query starts from the first anchor (an index seek on the
 * id, then an expansion), so its cost follows the anchor's degree, not the size of the
 * graph; further anchors become EXISTS checks on each candidate.
 */
import type { CypherParams } from './cypher-params.ts';

type Maybe<T> = T | null | undefined;

export interface ListFilter {
  /** Patterns that bind `v`, each with the anchor node given by a parameter. */
  anchors: string[];
  /** Plain WHERE conditions on `v`. */
  conditions: string[];
}
export type Where = (params: CypherParams, v: string) => ListFilter;

/** Splits a list of anchor-or-condition entries into a ListFilter. */
const filter = (entries: (Anchor | string)[]): ListFilter => ({
  anchors: entries.filter((e): e is Anchor => typeof e !== 'string').map((a) => a.pattern),
  conditions: entries.filter((e): e is string => typeof e === 'string'),
});
interface Anchor {
  pattern: string;
}
const anchor = (pattern: string): Anchor => ({ pattern });

const containsText = (params: CypherParams, text: string, exprs: string[]) => {
  const p = params.add(text.toLowerCase(), 'text');
  return `(${exprs.map((e) => `toLower(coalesce(${e}, '')) CONTAINS ${p}`).join(' OR ')})`;
};
const nameOrAlias = (params: CypherParams, v: string, name: string) => {
  const p = params.add(name.toLowerCase(), 'name');
  return `(toLower(${v}.name) CONTAINS ${p} OR any(alias IN coalesce(${v}.aliases, []) WHERE toLower(alias) CONTAINS ${p}))`;
};
const inList = (
  params: CypherParams,
  v: string,
  property: string,
  values: Maybe<readonly string[]>,
) => (values && values.length > 0 ? [`${v}.${property} IN ${params.add(values, property)}`] : []);
const statedBySource = (params: CypherParams, v: string, source: Maybe<string>) =>
  source ? [`${params.add(source, 'source')} IN ${v}.sourceIds`] : [];

export interface ActorFilter {
  name?: Maybe<string>;
  kind?: Maybe<readonly string[]>;
  source?: Maybe<string>;
}
export const actorWhere =
  (f: Maybe<ActorFilter>): Where =>
  (params, v) =>
    filter([
      ...(f?.name ? [nameOrAlias(params, v, f.name)] : []),
      ...inList(params, v, 'kind', f?.kind),
      ...statedBySource(params, v, f?.source),
    ]);

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
export const demandWhere =
  (f: Maybe<DemandFilter>): Where =>
  (params, v) =>
    filter([
      ...(f?.text ? [containsText(params, f.text, [`${v}.summary`])] : []),
      ...inList(params, v, 'issue', f?.issue),
      ...(f?.madeBy
        ? [anchor(`(:Actor {id: ${params.add(f.madeBy, 'madeBy')}})-[:DEMANDED]->(${v})`)]
        : []),
      ...(f?.addressedTo
        ? [
            anchor(
              `(${v})-[:ADDRESSED_TO]->(:Actor {id: ${params.add(f.addressedTo, 'addressedTo')}})`,
            ),
          ]
        : []),
      ...(f?.rejectedBy
        ? [anchor(`(:Actor {id: ${params.add(f.rejectedBy, 'rejectedBy')}})-[:REJECTED]->(${v})`)]
        : []),
      ...(f?.concerns
        ? [anchor(`(${v})-[:CONCERNS]->(:Actor {id: ${params.add(f.concerns, 'concerns')}})`)]
        : []),
      ...(f?.raisedAt
        ? [anchor(`(${v})-[:RAISED_AT]->(:Meeting {id: ${params.add(f.raisedAt, 'raisedAt')}})`)]
        : []),
      ...statedBySource(params, v, f?.source),
    ]);

export interface MeetingFilter {
  text?: Maybe<string>;
  kind?: Maybe<readonly string[]>;
  actor?: Maybe<string>;
  mediator?: Maybe<string>;
  source?: Maybe<string>;
}
export const meetingWhere =
  (f: Maybe<MeetingFilter>): Where =>
  (params, v) =>
    filter([
      ...(f?.text ? [containsText(params, f.text, [`${v}.name`, `${v}.place`])] : []),
      ...inList(params, v, 'kind', f?.kind),
      ...(f?.actor
        ? [
            anchor(
              `(:Actor {id: ${params.add(f.actor, 'actor')}})-[:ATTENDED|MEDIATED|HOSTED]->(${v})`,
            ),
          ]
        : []),
      ...(f?.mediator
        ? [anchor(`(:Actor {id: ${params.add(f.mediator, 'mediator')}})-[:MEDIATED]->(${v})`)]
        : []),
      ...statedBySource(params, v, f?.source),
    ]);

export interface IncidentFilter {
  text?: Maybe<string>;
  kind?: Maybe<readonly string[]>;
  blamed?: Maybe<string>;
  withinDaysOfMeeting?: Maybe<number>;
  source?: Maybe<string>;
}
export const incidentWhere =
  (f: Maybe<IncidentFilter>): Where =>
  (params, v) =>
    filter([
      ...(f?.text ? [containsText(params, f.text, [`${v}.summary`, `${v}.place`])] : []),
      ...inList(params, v, 'kind', f?.kind),
      ...(f?.blamed
        ? [anchor(`(:Actor {id: ${params.add(f.blamed, 'blamed')}})-[:BLAMED_FOR]->(${v})`)]
        : []),
      ...(f?.withinDaysOfMeeting !== undefined && f.withinDaysOfMeeting !== null
        ? [
            `EXISTS { MATCH (${v})-[near:OCCURRED_DURING|OCCURRED_BEFORE]->(:Meeting) WHERE type(near) = 'OCCURRED_DURING' OR near.days <= ${params.add(f.withinDaysOfMeeting, 'days')} }`,
          ]
        : []),
      ...statedBySource(params, v, f?.source),
    ]);

export interface StatementFilter {
  text?: Maybe<string>;
  kind?: Maybe<readonly string[]>;
  statedBy?: Maybe<string>;
  source?: Maybe<string>;
}
export const statementWhere =
  (f: Maybe<StatementFilter>): Where =>
  (params, v) =>
    filter([
      ...(f?.text ? [containsText(params, f.text, [`${v}.summary`])] : []),
      ...inList(params, v, 'kind', f?.kind),
      ...(f?.statedBy
        ? [anchor(`(:Actor {id: ${params.add(f.statedBy, 'statedBy')}})-[:STATED]->(${v})`)]
        : []),
      ...statedBySource(params, v, f?.source),
    ]);
