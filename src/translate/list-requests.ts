/**
 * The list root fields' arguments as connection requests: which filter, which sort keys.
 * Resolvers pass their arguments through unchanged; nothing here is Cypher.
 */
import type { ConnectionRequest, SortKey } from './list-connection.ts';
import {
  actorFilter,
  demandFilter,
  incidentFilter,
  meetingFilter,
  statementFilter,
  type ActorFilter,
  type DemandFilter,
  type IncidentFilter,
  type MeetingFilter,
  type StatementFilter,
} from './list-filters.ts';

type Maybe<T> = T | null | undefined;
interface Page {
  first?: Maybe<number>;
  after?: Maybe<string>;
}
type Direction = Maybe<string>;

const sortKey = (property: string, direction: Direction): SortKey => ({
  property,
  direction: direction === 'DESC' ? 'DESC' : 'ASC',
});

/** GraphQL order field → the property it sorts on. */
const ACTOR_ORDER = { NAME: 'name', ID: 'id' } as const;
const DEMAND_ORDER = { ID: 'id', ISSUE: 'issue', SUMMARY: 'summary' } as const;

export const actorsRequest = (
  args: Page & {
    filter?: Maybe<ActorFilter>;
    orderBy?: Maybe<{ field?: Maybe<keyof typeof ACTOR_ORDER>; direction?: Direction }>;
  },
): ConnectionRequest => ({
  typeName: 'Actor',
  filter: actorFilter(args.filter),
  orderBy: [sortKey(ACTOR_ORDER[args.orderBy?.field ?? 'NAME'], args.orderBy?.direction)],
  first: args.first,
  after: args.after,
});

export const demandsRequest = (
  args: Page & {
    filter?: Maybe<DemandFilter>;
    orderBy?: Maybe<{ field?: Maybe<keyof typeof DEMAND_ORDER>; direction?: Direction }>;
  },
): ConnectionRequest => ({
  typeName: 'Demand',
  filter: demandFilter(args.filter),
  orderBy: [sortKey(DEMAND_ORDER[args.orderBy?.field ?? 'ID'], args.orderBy?.direction)],
  first: args.first,
  after: args.after,
});

export const meetingsRequest = (
  args: Page & { filter?: Maybe<MeetingFilter>; direction?: Direction },
): ConnectionRequest => ({
  typeName: 'Meeting',
  filter: meetingFilter(args.filter),
  orderBy: [sortKey('name', args.direction)],
  first: args.first,
  after: args.after,
});

export const incidentsRequest = (
  args: Page & { filter?: Maybe<IncidentFilter>; direction?: Direction },
): ConnectionRequest => ({
  typeName: 'Incident',
  filter: incidentFilter(args.filter),
  orderBy: [sortKey('id', args.direction)],
  first: args.first,
  after: args.after,
});

export const statementsRequest = (
  args: Page & { filter?: Maybe<StatementFilter>; direction?: Direction },
): ConnectionRequest => ({
  typeName: 'Statement',
  filter: statementFilter(args.filter),
  orderBy: [sortKey('id', args.direction)],
  first: args.first,
  after: args.after,
});
