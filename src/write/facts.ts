/**
 * What both write paths plan from: the facts of a seed set (src/seed/validate-dataset.ts)
 * or of one recordFacts call (src/write/plan-facts.ts), already well-formed (zod) and put
 * in one shape, each located in its input (file and path) so a problem can name it.
 */
import type { NodeLabel } from '../model/node-kinds.ts';
import type { RelationshipType } from '../model/relationships.ts';

/** Where a fact stands in its input: a seed file (`seeds/actors.yaml`) or '' for an API call. */
export interface Location {
  file: string;
  /** e.g. `demands[3]`, `relationships[0]`. */
  path: string;
}

/** A problem found by planning: what is wrong and where (file, path inside it). */
export interface PlanProblem extends Location {
  message: string;
}

/** One quote from one report stating a fact; `voice` and `framing` as the model defines them. */
export interface EvidenceFact {
  source: string;
  quote: string;
  voice?: string | undefined;
  framing?: string | undefined;
}

export interface NodeFact {
  at: Location;
  label: NodeLabel;
  /** The id as given (references and duplicate checks use it). */
  id: string;
  /** The record's declared properties as given (`id` included, `evidence` ignored). */
  record: Record<string, unknown>;
  evidence: EvidenceFact[];
  /** Set when the fact names a node already in the graph: only its REPORTED_BY is written. */
  existingId?: string;
}

export interface RelationshipFact {
  at: Location;
  type: RelationshipType;
  /** Each end (and each `ref` property) is a name the planning context resolves. */
  from: string;
  to: string;
  props: Record<string, unknown>;
  evidence: EvidenceFact[];
}

export interface Facts {
  nodes: NodeFact[];
  relationships: RelationshipFact[];
}

/** What a name resolves to: a node of the graph or of the facts, or why it does not. */
export type Reference =
  | { kind: 'node'; id: string; label: string }
  | { kind: 'dangling'; reason: string }
  | { kind: 'ambiguous'; reason: string };
