/**
 * What the suggester proposes, shaped as the write path's "facts": node kinds and
 * relationship types of the seed schema, and evidence {quote, selector, voice, framing}.
 * Nothing here is in the graph until an analyst accepts it.
 */
import type { EnumValue } from '../model/enums.ts';
import type { SUBJECT_LABELS } from '../model/node-kinds.ts';
import type { RelationshipType } from '../model/relationships.ts';
import type { TextSelector } from './text-selector.ts';

/** Who stands behind a fact in the text: the model's Framing, as GraphQL spells it. */
export type Framing = Uppercase<EnumValue<'Framing'>>;

/** How precise a stated date is (the model's DatePrecision; a text never gives a datetime). */
export type DatePrecision = Uppercase<Exclude<EnumValue<'DatePrecision'>, 'datetime'>>;

export type NodeKind = (typeof SUBJECT_LABELS)[number];

/** The relationship types the suggester codes, in the order its reports list them. */
export const SUGGESTED_RELATIONSHIP_TYPES = [
  'DEMANDED',
  'REJECTED',
  'ACCEPTED',
  'COUNTERED',
  'MEDIATED',
  'HOSTED',
  'ACCUSED',
  'BLAMED_FOR',
  'CARRIED_OUT',
  'STATED',
] as const satisfies readonly RelationshipType[];

export type SuggestedRelationshipType = (typeof SUGGESTED_RELATIONSHIP_TYPES)[number];

/** An actor the graph knows, as the suggester reads it. */
export interface KnownActor {
  id: string;
  name: string;
  kind: string;
  aliases: string[];
}

/** A node the graph holds, with the words it can be recognised by. */
export interface KnownNode {
  id: string;
  label: Exclude<NodeKind, 'Actor'>;
  /** Name or summary, and place where there is one. */
  text: string;
}

/** A relationship the graph holds (its id is `<from>-<TYPE>-<to>`). */
export interface KnownRelationship {
  id: string;
  type: string;
  from: string;
  to: string;
}

export interface KnownGraph {
  actors: KnownActor[];
  nodes: KnownNode[];
  relationships: KnownRelationship[];
}

export interface Voice {
  /** The speaker's words in the text ("Afghan officials", "analysts"). */
  text: string;
  /** The speaker resolved to a known actor, when it is one. */
  actorId: string | null;
}

export interface Evidence {
  quote: string;
  selector: TextSelector;
  framing: Framing;
  voice: Voice | null;
}

export interface ActorMention {
  actorId: string;
  name: string;
  /** How the words were resolved: the actor's name, one of its aliases, or a demonym. */
  resolvedBy: 'name' | 'alias' | 'demonym';
  selector: TextSelector;
}

export interface NewActorCandidate {
  name: string;
  selector: TextSelector;
  /** The sentence that names it (the quote an analyst records the new actor with). */
  sentence: TextSelector;
  confidence: number;
}

export interface DateMention {
  /** The date exactly as stated. */
  text: string;
  precision: DatePrecision;
  selector: TextSelector;
}

export interface CasualtyFigure {
  killed: number | null;
  injured: number | null;
  /** The report's own words for the figure. */
  text: string;
  selector: TextSelector;
}

/** One end of a suggested relationship: an existing node (id) or a new one to create. */
export interface NodeRef {
  kind: NodeKind;
  /** Id of an existing node, or null for a node the analyst would create. */
  id: string | null;
  /** Name (actors, meetings) or proposed summary (demands, incidents, statements). */
  text: string;
}

export interface RelationshipCandidate {
  type: SuggestedRelationshipType;
  from: NodeRef;
  to: NodeRef;
  /** STATED: the statement kind; incidents: the incident kind. */
  kind: string | null;
  /** The event word or phrase that triggered it ("rejected", "mediation"). */
  trigger: string;
  /** "did not reject": the text denies the fact; never to be recorded as stated. */
  negated: boolean;
  /** "reportedly", "alleged": the text hedges the fact. */
  hedged: boolean;
  /** BLAMED_FOR: who does the blaming. */
  blamedBy: string | null;
  date: DateMention | null;
  casualties: CasualtyFigure | null;
  evidence: Evidence;
  confidence: number;
  /** The graph already holds this relationship: the new report corroborates it. */
  existingId: string | null;
}

export interface FactSuggestions {
  actors: ActorMention[];
  newActors: NewActorCandidate[];
  relationships: RelationshipCandidate[];
  dates: DateMention[];
  casualties: CasualtyFigure[];
}
