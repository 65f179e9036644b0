/**
 * The graph's controlled vocabularies. Each enum lists its values as STORED in the graph
 * (lower case, snake_case); the GraphQL enum of the same name has the same values upper-cased
 * (`armed_group` ↔ `ARMED_GROUP`). Adding a value is one edit here plus the SDL enum; the
 * start-up check (src/graphql/check-schema-against-model.ts) fails naming any value that
 * exists on one side only.
 */
export const ENUMS = {
  ActorKind: [
    'state',
    'government',
    'armed_group',
    'military',
    'person',
    'organization',
    'media',
    'delegation',
  ],
  /** The issue a demand concerns: a small controlled vocabulary, any negotiation. */
  Issue: [
    'security',
    'border_territory',
    'trade_transit',
    'refugees',
    'sovereignty',
    'guarantees_procedure',
    'ceasefire',
  ],
  MeetingKind: ['talks', 'round', 'signing', 'bilateral_meeting'],
  IncidentKind: ['shelling', 'armed_clash', 'airstrike', 'terrorist_attack', 'drone_strike'],
  StatementKind: [
    'statement',
    'threat',
    'warning',
    'accusation',
    'denial',
    'commitment',
    'appeal',
    'assessment',
    'proposal',
  ],
  /**
   * How precise a date is. The date's `text` is exactly as the report gives it ("Tuesday",
   * "this week", "October"); nothing is turned into a guessed calendar day.
   */
  DatePrecision: ['datetime', 'day', 'weekday', 'week', 'month', 'year', 'period'],
  /**
   * How a report frames a quote: a party's own words or announcement, confirmed by officials,
   * "reportedly" / "according to sources", an allegation, an analyst's assessment, or the
   * report's own narration.
   */
  Framing: ['on_record', 'confirmed', 'reported', 'alleged', 'assessment', 'reporter'],
  /**
   * A Position's role (party … favoured: a side a third party is said to take) or stance on a
   * demand (demanded … withdrew).
   */
  Stance: [
    'party',
    'mediator',
    'facilitator',
    'host',
    'broker',
    'supporter',
    'favoured',
    'withdrew',
    'demanded',
    'rejected',
    'accepted',
    'agreed_verbally',
    'accepted_on_conditions',
    'countered',
    'declared_off_the_table',
  ],
  /** Whether a Position is a role (party … favoured) or a stance on a demand (withdrew … ). */
  PositionKind: ['role', 'stance'],
  /** How a disagreement was found: by a documented rule over what reports assert, or as curated Claims. */
  DisagreementKind: ['rule', 'curated'],
  /**
   * The rules that find disagreements (cypher/README.md, "Disagreements between reports"):
   * different sets of mediators or parties for one meeting; opposite stances on one demand (or
   * one demander's demands on one issue); a third party said to take opposite sides; a threat
   * reported as carried out; ordering edges that form a cycle.
   */
  DisagreementRule: ['participants', 'stances', 'sides', 'threat_carried_out', 'order'],
} as const satisfies Record<string, readonly [string, ...string[]]>;

export type EnumName = keyof typeof ENUMS;
export type EnumValue<E extends EnumName> = (typeof ENUMS)[E][number];

/** The GraphQL name of a stored enum value (`armed_group` → `ARMED_GROUP`). */
export const graphqlEnumValue = (stored: string): string => stored.toUpperCase();

/** Stances that are roles (the rest are stances on a demand); `PositionKind` `role`. */
export const ROLE_STANCES: readonly EnumValue<'Stance'>[] = [
  'party',
  'mediator',
  'facilitator',
  'host',
  'broker',
  'supporter',
  'favoured',
];
/** Stances that accept a demand, and those that refuse it (the `stances` rule opposes them). */
export const ACCEPTING_STANCES: readonly EnumValue<'Stance'>[] = [
  'accepted',
  'agreed_verbally',
  'accepted_on_conditions',
];
export const REFUSING_STANCES: readonly EnumValue<'Stance'>[] = [
  'rejected',
  'declared_off_the_table',
];
/** Stances by which a third party takes a side (the `sides` rule). */
export const SIDE_STANCES: readonly EnumValue<'Stance'>[] = ['supporter', 'favoured'];
/** Framings by which a report gives a party's own words: on the record, or confirmed. */
export const ON_RECORD_FRAMINGS: readonly EnumValue<'Framing'>[] = ['on_record', 'confirmed'];
