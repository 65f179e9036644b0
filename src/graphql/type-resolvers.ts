/**
 * Non-root resolvers: enum internal values (the graph stores `armed_group`, GraphQL shows
 * ARMED_GROUP), the `Node` interface's type resolution, and nothing else — every other
 * field is read from the projected map by the alias-aware default resolver.
 */
import type { Resolvers } from './generated/resolver-types.ts';

/** Maps each GraphQL enum value to its lower-case stored value. */
const lowerCase = <V extends string>(values: readonly V[]) =>
  Object.fromEntries(values.map((v) => [v, v.toLowerCase()])) as Record<V, string>;

export const interfaceResolvers: Pick<Resolvers, 'Node'> = {
  Node: {
    __resolveType: (obj) =>
      obj.__typename as 'Actor' | 'Demand' | 'Meeting' | 'Incident' | 'Statement' | 'Claim',
  },
};

/** GraphQL enum value → stored value, per enum. */
export const enumResolvers: Record<string, Record<string, string>> = {
  ActorKind: lowerCase([
    'STATE',
    'GOVERNMENT',
    'ARMED_GROUP',
    'MILITARY',
    'PERSON',
    'ORGANIZATION',
    'MEDIA',
    'DELEGATION',
  ] as const),
  Issue: lowerCase([
    'SECURITY',
    'BORDER_TERRITORY',
    'TRADE_TRANSIT',
    'REFUGEES',
    'SOVEREIGNTY',
    'GUARANTEES_PROCEDURE',
    'CEASEFIRE',
  ] as const),
  MeetingKind: lowerCase(['TALKS', 'ROUND', 'SIGNING', 'BILATERAL_MEETING'] as const),
  IncidentKind: lowerCase([
    'SHELLING',
    'ARMED_CLASH',
    'AIRSTRIKE',
    'TERRORIST_ATTACK',
    'DRONE_STRIKE',
  ] as const),
  StatementKind: lowerCase([
    'STATEMENT',
    'THREAT',
    'WARNING',
    'ACCUSATION',
    'DENIAL',
    'COMMITMENT',
    'APPEAL',
    'ASSESSMENT',
    'PROPOSAL',
  ] as const),
  DatePrecision: lowerCase([
    'DATETIME',
    'DAY',
    'WEEKDAY',
    'WEEK',
    'MONTH',
    'YEAR',
    'PERIOD',
  ] as const),
  NodeKind: {
    ACTOR: 'Actor',
    DEMAND: 'Demand',
    MEETING: 'Meeting',
    INCIDENT: 'Incident',
    STATEMENT: 'Statement',
    CLAIM: 'Claim',
    SOURCE: 'Source',
  },
};
