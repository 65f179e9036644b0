/**
 * The shape of one seed file (YAML or JSON), as zod schemas. A file holds any of the
 * top-level sections below; the loader merges all files in seeds/.
 *
 * Contract: what passes `SeedFileSchema` is well-formed in isolation (types, enums, id
 * syntax, no unknown keys). Cross-file rules — unique ids, references that resolve, quotes
 * that occur in their report — are checked by `validateDataset` in validate-dataset.ts.
 * The vocabularies here are documented in seeds/README.md.
 */
import { z } from 'zod';

/** Stable ids: lower-case words joined by '-' (they become `id` properties and MERGE keys). */
export const IdSchema = z
  .string()
  .regex(
    /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/,
    'must be lower-case letters, digits and - or _ (e.g. "pakistan")',
  );

// ---- issue 11 (time, voice and disagreement): voice/framing, positions, ordering ----

/**
 * How a report frames a quote: `on_record` (a named speaker's own words or announcement),
 * `confirmed` (officials confirming), `reported` ("reportedly", "according to sources"),
 * `alleged` (an allegation), `assessment` (an analyst's or observer's view), `reporter`
 * (the report's own narration).
 */
export const FramingSchema = z.enum([
  'on_record',
  'confirmed',
  'reported',
  'alleged',
  'assessment',
  'reporter',
]);

/**
 * A stance or role as an event in time: roles (`party` … `supporter`) and stances on a
 * demand (`demanded` … `withdrew`). `favoured` is a side a third party is said to take.
 */
export const StanceSchema = z.enum([
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
]);

// ---- end issue 11 block ----

/** One report stating a fact, with the sentence or clause that states it, verbatim. */
export const EvidenceSchema = z.strictObject({
  source: IdSchema,
  quote: z.string().trim().min(8, 'quote must be at least 8 characters of the report’s own text'),
  /** Whom the report attributes the quote to: an actor id, or the report's own words. */
  voice: z.string().min(1).optional(),
  framing: FramingSchema.optional(),
});

const evidence = z.array(EvidenceSchema).min(1, 'every fact needs at least one report and quote');

/**
 * How precise a date is. `text` is the date exactly as the report gives it ("Tuesday",
 * "this week", "October"); nothing is turned into a guessed calendar day.
 */
export const DatePrecisionSchema = z.enum([
  'datetime',
  'day',
  'weekday',
  'week',
  'month',
  'year',
  'period',
]);

export const DateSchema = z.strictObject({
  text: z.string().min(1),
  precision: DatePrecisionSchema,
  /** For relative dates ("on Tuesday"): the report whose (unstated) publication date anchors it. */
  relativeTo: IdSchema.optional(),
});

export const ActorKindSchema = z.enum([
  'state',
  'government',
  'armed_group',
  'military',
  'person',
  'organization',
  'media',
  'delegation',
]);

/** The issue a demand concerns: a small controlled vocabulary, any negotiation. */
export const IssueSchema = z.enum([
  'security',
  'border_territory',
  'trade_transit',
  'refugees',
  'sovereignty',
  'guarantees_procedure',
  'ceasefire',
]);

export const MeetingKindSchema = z.enum(['talks', 'round', 'signing', 'bilateral_meeting']);

export const IncidentKindSchema = z.enum([
  'shelling',
  'armed_clash',
  'airstrike',
  'terrorist_attack',
  'drone_strike',
]);

export const StatementKindSchema = z.enum([
  'statement',
  'threat',
  'warning',
  'accusation',
  'denial',
  'commitment',
  'appeal',
  'assessment',
  'proposal',
]);

export const SourceSchema = z.strictObject({
  id: IdSchema,
  /** File name of the report text (in REPORTS_DIR), used to verify quotes. */
  file: z.string().regex(/^[\w.-]+\.txt$/),
  title: z.string().min(1).optional(),
  /** Only what the report itself says about its origin. */
  outlet: z.string().min(1).optional(),
  byline: z.string().min(1).optional(),
  dateline: z.string().min(1).optional(),
  published: z.string().min(1).optional(),
  originNote: z.string().min(1),
  evidence,
});

export const ActorSchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1),
  kind: ActorKindSchema,
  aliases: z.array(z.string().min(1)).default([]),
  /** For persons: their role as reported (e.g. "Defence Minister"). */
  role: z.string().min(1).optional(),
  evidence,
});

export const DemandSchema = z.strictObject({
  id: IdSchema,
  summary: z.string().min(1),
  issue: IssueSchema,
  evidence,
});

export const MeetingSchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1),
  kind: MeetingKindSchema,
  place: z.string().min(1).optional(),
  date: DateSchema.optional(),
  outcome: z.string().min(1).optional(),
  evidence,
});

export const IncidentSchema = z.strictObject({
  id: IdSchema,
  summary: z.string().min(1),
  kind: IncidentKindSchema,
  place: z.string().min(1).optional(),
  date: DateSchema.optional(),
  /** Casualties exactly as reported; absent when the report gives no figure. */
  killed: z.int().nonnegative().optional(),
  injured: z.int().nonnegative().optional(),
  /** The report's own words for the casualties, e.g. "no casualties were reported". */
  casualtiesText: z.string().min(1).optional(),
  evidence,
});

export const StatementSchema = z.strictObject({
  id: IdSchema,
  summary: z.string().min(1),
  kind: StatementKindSchema,
  date: DateSchema.optional(),
  evidence,
});

/**
 * One report's version of a fact on which reports disagree (e.g. which round a meeting
 * was). Claims with the same `subject` and `property` but different `value`s are a
 * disagreement; the loader links each claim to its subject with ABOUT.
 */
export const ClaimSchema = z.strictObject({
  id: IdSchema,
  subject: IdSchema,
  property: z.string().regex(/^[a-z][a-zA-Z]*$/, 'must be a camelCase property name'),
  value: z.string().min(1),
  evidence,
});

/**
 * One actor's role or stance at one point of the negotiation (issue 11), on a demand, a
 * meeting or another actor (whose side it takes). The loader links it: actor -HELD->
 * position -ON-> target. Positions take part in the order of events.
 */
export const PositionSchema = z.strictObject({
  id: IdSchema,
  actor: IdSchema,
  stance: StanceSchema,
  on: IdSchema,
  summary: z.string().min(1),
  date: DateSchema.optional(),
  evidence,
});

/** Events: what the order-of-events relationships may connect (issue 11). */
const EVENT_LABELS = ['Meeting', 'Incident', 'Statement', 'Position'] as const;

/** Relationship types, each with the labels it may connect (checked in validate-dataset.ts). */
export const RELATIONSHIP_RULES = {
  DEMANDED: { from: ['Actor'], to: ['Demand'] },
  ADDRESSED_TO: { from: ['Demand', 'Statement'], to: ['Actor'] },
  CONCERNS: { from: ['Demand'], to: ['Actor'] },
  REJECTED: { from: ['Actor'], to: ['Demand'] },
  ACCEPTED: { from: ['Actor'], to: ['Demand'] },
  COUNTERED: { from: ['Actor', 'Demand'], to: ['Demand'] },
  RAISED_AT: { from: ['Demand', 'Statement'], to: ['Meeting'] },
  ATTENDED: { from: ['Actor'], to: ['Meeting'] },
  MEDIATED: { from: ['Actor'], to: ['Meeting'] },
  HOSTED: { from: ['Actor'], to: ['Meeting'] },
  FOLLOWED: { from: EVENT_LABELS, to: EVENT_LABELS },
  OCCURRED_DURING: { from: EVENT_LABELS, to: EVENT_LABELS },
  OCCURRED_BEFORE: { from: EVENT_LABELS, to: EVENT_LABELS },
  CARRIED_OUT: { from: ['Actor'], to: ['Incident'] },
  BLAMED_FOR: { from: ['Actor'], to: ['Incident'] },
  ACCUSED: { from: ['Actor'], to: ['Incident'] },
  STATED: { from: ['Actor'], to: ['Statement'] },
  ABOUT: { from: ['Statement'], to: ['Actor', 'Demand', 'Meeting', 'Incident', 'Statement'] },
  RESPONDS_TO: { from: ['Statement'], to: ['Statement', 'Demand'] },
  REPRESENTS: { from: ['Actor'], to: ['Actor'] },
} as const;

export type RelationshipType = keyof typeof RELATIONSHIP_RULES;
export const RELATIONSHIP_TYPES = Object.keys(RELATIONSHIP_RULES) as RelationshipType[];

/** Relationship properties besides provenance; scalar values and lists of strings only. */
const RelationshipPropsSchema = z
  .strictObject({
    role: z.string().min(1).optional(),
    reason: z.string().min(1).optional(),
    note: z.string().min(1).optional(),
    date: DateSchema.optional(),
    /** OCCURRED_BEFORE / OCCURRED_DURING: days between incident and meeting, only when stated. */
    days: z.int().nonnegative().optional(),
    /** BLAMED_FOR: the actor who does the blaming. */
    blamedBy: IdSchema.optional(),
    /** Why no quote names either endpoint (silences the loader's warning; issue 11). */
    unnamedBecause: z.string().min(1).optional(),
  })
  .default({});

export const RelationshipSchema = z.strictObject({
  type: z.enum(RELATIONSHIP_TYPES as [RelationshipType, ...RelationshipType[]]),
  from: IdSchema,
  to: IdSchema,
  props: RelationshipPropsSchema,
  evidence,
});

export const SeedFileSchema = z.strictObject({
  sources: z.array(SourceSchema).optional(),
  actors: z.array(ActorSchema).optional(),
  demands: z.array(DemandSchema).optional(),
  meetings: z.array(MeetingSchema).optional(),
  incidents: z.array(IncidentSchema).optional(),
  statements: z.array(StatementSchema).optional(),
  claims: z.array(ClaimSchema).optional(),
  positions: z.array(PositionSchema).optional(),
  relationships: z.array(RelationshipSchema).optional(),
});

export type SeedFile = z.infer<typeof SeedFileSchema>;
export type Evidence = z.infer<typeof EvidenceSchema>;
export type SeedDate = z.infer<typeof DateSchema>;
export type SeedRelationship = z.infer<typeof RelationshipSchema>;

/** Node sections of a seed file and the label each becomes. */
export const NODE_SECTIONS = {
  sources: 'Source',
  actors: 'Actor',
  demands: 'Demand',
  meetings: 'Meeting',
  incidents: 'Incident',
  statements: 'Statement',
  claims: 'Claim',
  positions: 'Position',
} as const;

export type NodeSection = keyof typeof NODE_SECTIONS;
export type NodeLabel = (typeof NODE_SECTIONS)[NodeSection];
