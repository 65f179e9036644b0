/**
 * The shape of one seed file (YAML or JSON), as zod schemas DERIVED from the vocabulary in
 * src/model/: one section per node kind, one `relationships:` section. A file holds any of
 * the sections; the loader merges all files in seeds/.
 *
 * Contract: what passes `SeedFileSchema` is well-formed in isolation (types, enums, id
 * syntax, no unknown keys). Cross-file rules — unique ids, references that resolve, quotes
 * that occur in their report, properties a relationship type may have — are checked by
 * the one planner, `planLoad` in src/write/plan-load.ts (also the API's). The vocabularies are documented in seeds/README.md.
 */
import { z } from 'zod';

import { ENUMS, type EnumName } from '../model/enums.ts';
import { NODE_KINDS, NODE_LABELS, type NodeLabel } from '../model/node-kinds.ts';
import type { PropertySpec } from '../model/property.ts';
import {
  RELATIONSHIP_PROPERTIES,
  SEEDED_RELATIONSHIP_TYPES,
  type RelationshipType,
} from '../model/relationships.ts';

export type { NodeLabel, RelationshipType };

/** Stable ids: lower-case words joined by '-' (they become `id` properties and MERGE keys). */
export const IdSchema = z
  .string()
  .regex(
    /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/,
    'must be lower-case letters, digits and - or _ (e.g. "pakistan")',
  );

const enumSchema = <E extends EnumName>(name: E) => z.enum(ENUMS[name]);

/**
 * One report stating a fact, with the sentence or clause that states it, verbatim; whom the
 * report attributes it to (`voice`: an actor id, or the report's own words) and how it frames
 * it (`framing`). The seed set gives both on every quote (tests/time-voice-disagreement.test.ts).
 */
export const EvidenceSchema = z.strictObject({
  source: IdSchema,
  quote: z.string().trim().min(8, 'quote must be at least 8 characters of the report’s own text'),
  voice: z.string().min(1).optional(),
  framing: enumSchema('Framing').optional(),
});

/** The one message for a fact without evidence, on the seed path and the API path alike. */
export const NO_EVIDENCE = 'every fact needs at least one quote from a report';

const evidence = z.array(EvidenceSchema).min(1, NO_EVIDENCE);

export const DatePrecisionSchema = enumSchema('DatePrecision');
/** The enum of demand issues (used by the benchmark's generator). */
export const IssueSchema = enumSchema('Issue');

export const DateSchema = z.strictObject({
  text: z.string().min(1),
  precision: DatePrecisionSchema,
  /** For relative dates ("on Tuesday"): the report whose (unstated) publication date anchors it. */
  relativeTo: IdSchema.optional(),
});

/** The zod schema of one declared property, as a seed file gives it. */
function propertySchema(spec: PropertySpec): z.ZodType {
  let schema: z.ZodType;
  switch (spec.type) {
    case 'text':
      schema = spec.pattern
        ? z.string().regex(spec.pattern.regex, spec.pattern.message)
        : z.string().min(1);
      break;
    case 'int':
      schema = spec.min === undefined ? z.int() : z.int().min(spec.min);
      break;
    case 'strings':
      return z.array(z.string().min(1)).default([]);
    case 'enum':
      schema = enumSchema(spec.enum);
      break;
    case 'date':
      schema = DateSchema;
      break;
    case 'ref':
      schema = IdSchema;
      break;
  }
  return spec.required ? schema : schema.optional();
}

/** The properties a seed file may give (those only the API writes are refused as unknown keys). */
const propertiesShape = (properties: Record<string, PropertySpec>) =>
  Object.fromEntries(
    Object.entries(properties)
      .filter(([, p]) => p.apiOnly !== true)
      .map(([k, p]) => [k, propertySchema(p)]),
  );

/** The seed record of one node kind: `id`, its declared properties, `evidence`. */
export const nodeSchema = (label: NodeLabel) =>
  z.strictObject({
    id: IdSchema,
    ...propertiesShape(NODE_KINDS[label].properties),
    evidence,
  });

/** Relationship properties besides provenance; which type may have which is checked by planLoad. */
const RelationshipPropsSchema = z
  .strictObject(propertiesShape(RELATIONSHIP_PROPERTIES))
  .default({});

export const RelationshipSchema = z.strictObject({
  type: z.enum(SEEDED_RELATIONSHIP_TYPES),
  from: IdSchema,
  to: IdSchema,
  props: RelationshipPropsSchema,
  /** Why the quotes still state it though none names either endpoint (silences the loader's warning). */
  unnamedBecause: z.string().min(1).optional(),
  evidence,
});

/** Seed-file section name → the label of the nodes it lists. */
export const NODE_SECTIONS = Object.fromEntries(
  NODE_LABELS.map((label) => [NODE_KINDS[label].section, label]),
) as Record<NodeSection, NodeLabel>;
export type NodeSection = (typeof NODE_KINDS)[NodeLabel]['section'];

export const SeedFileSchema = z.strictObject({
  ...Object.fromEntries(
    NODE_LABELS.map((l) => [NODE_KINDS[l].section, z.array(nodeSchema(l)).optional()]),
  ),
  relationships: z.array(RelationshipSchema).optional(),
});

export type Evidence = z.infer<typeof EvidenceSchema>;
export type SeedDate = z.infer<typeof DateSchema>;
export type SeedRelationship = z.infer<typeof RelationshipSchema>;
/** A node record as parsed: its id, evidence and declared properties (values typed loosely). */
export interface SeedNode {
  id: string;
  evidence: Evidence[];
  [property: string]: unknown;
}
export type SeedFile = { [S in NodeSection]?: SeedNode[] } & {
  relationships?: SeedRelationship[];
};
