/** The validated seed graph, flattened to what is written to Neo4j. */
import type { SeedProblem } from './seed-error.ts';
import type { NodeLabel, RelationshipType } from './seed-schema.ts';

/** Property values as stored: Neo4j has no maps as properties, so everything is flat. */
export type PropValue = string | number | boolean | string[] | number[];
export type Props = Record<string, PropValue>;

export interface NodeRow {
  label: NodeLabel;
  id: string;
  props: Props;
}

/**
 * REPORTED_BY (node → Source), Claim ABOUT edges and a Position's HELD (actor → position)
 * and ON (position → target) edges are derived by the validator.
 */
export type DatasetRelationshipType = RelationshipType | 'REPORTED_BY' | 'HELD' | 'ON';

export interface RelationshipRow {
  type: DatasetRelationshipType;
  /** `${from}-${type}-${to}`: one relationship per type and pair of nodes. */
  id: string;
  from: string;
  to: string;
  props: Props;
}

export interface Dataset {
  nodes: NodeRow[];
  relationships: RelationshipRow[];
  /** How many quotes were checked against their report's text (0 when texts are absent). */
  quotesVerified: number;
  /**
   * Relationships none of whose quotes names either endpoint (by name, alias or one of the
   * endpoint's own quotes) and that give no `unnamedBecause`: printed, not fatal.
   */
  warnings: SeedProblem[];
  /** Folder the report texts were read from, or undefined when not available. */
  reportsDir: string | undefined;
}

/** Marks what the seeds own, so a reload or `--reset` touches nothing else. */
export const SEED_ORIGIN = 'seeds';
