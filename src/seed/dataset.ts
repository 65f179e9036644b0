/** The validated seed graph, flattened to what is written to Neo4j. */
import type { NodeLabel, RelationshipType } from './seed-schema.ts';

/** Property values as stored: Neo4j has no maps as properties, so everything is flat. */
export type PropValue = string | number | boolean | string[];
export type Props = Record<string, PropValue>;

export interface NodeRow {
  label: NodeLabel;
  id: string;
  props: Props;
}

/** REPORTED_BY (node → Source) and Claim ABOUT edges are derived by the validator. */
export type DatasetRelationshipType = RelationshipType | 'REPORTED_BY';

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
  /** Folder the report texts were read from, or undefined when not available. */
  reportsDir: string | undefined;
}

/** Marks what the seeds own, so a reload or `--reset` touches nothing else. */
export const SEED_ORIGIN = 'seeds';
