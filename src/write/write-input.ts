/**
 * The shape of the write path's input: a report (addReport) and the facts one report
 * states (recordFacts). Node and relationship vocabularies are the seed schema's own
 * (src/seed/seed-schema.ts), so the seeds and the API obey the same rules; only the evidence
 * differs — every fact's evidence is a quote from the one report the call names.
 */
import { z } from 'zod';

import { ENUMS } from '../model/enums.ts';
import { NODE_KINDS, type NodeLabel } from '../model/node-kinds.ts';
import { SEEDED_RELATIONSHIP_TYPES } from '../model/relationships.ts';
import { IdSchema, NO_EVIDENCE, nodeSchema, RelationshipSchema } from '../seed/seed-schema.ts';

/** How the report frames a piece of evidence: the model's own values, as the seeds use them. */
export const FRAMINGS = ENUMS.Framing;

export const ReportInputSchema = z.strictObject({
  /** The report's full text. */
  text: z.string().trim().min(40, 'a report text must be at least 40 characters'),
  id: IdSchema.optional(),
  /** Origin, only as the text itself states it: each must occur verbatim in the text. */
  title: z.string().trim().min(1).optional(),
  outlet: z.string().trim().min(1).optional(),
  byline: z.string().trim().min(1).optional(),
  dateline: z.string().trim().min(1).optional(),
  published: z.string().trim().min(1).optional(),
  originNote: z.string().trim().min(1).optional(),
});
export type ReportInput = z.infer<typeof ReportInputSchema>;

export const FactEvidenceSchema = z.strictObject({
  quote: z.string().trim().min(8, 'quote must be at least 8 characters of the report’s own text'),
  /** Whom the report attributes it to: an actor (id, name or alias) or the report's words. */
  voice: z.string().trim().min(1).optional(),
  framing: z.enum(FRAMINGS),
});
export type FactEvidence = z.infer<typeof FactEvidenceSchema>;

const evidence = z.array(FactEvidenceSchema).min(1, NO_EVIDENCE);

/** A fact node of one label: the seeds' shape, but a `ref` may name its node (id, name or alias). */
const factSchema = (label: NodeLabel) =>
  nodeSchema(label).extend({
    ...Object.fromEntries(
      Object.entries(NODE_KINDS[label].properties)
        .filter(([, spec]) => spec.type === 'ref')
        .map(([name, spec]) => {
          const named = z.string().trim().min(1);
          return [name, spec.required ? named : named.optional()];
        }),
    ),
    evidence,
  });

export const FactsInputSchema = z.strictObject({
  /** The report stating these facts: its id (or the hash of its text). */
  report: z.string().min(1),
  actors: z.array(factSchema('Actor')).default([]),
  demands: z.array(factSchema('Demand')).default([]),
  meetings: z.array(factSchema('Meeting')).default([]),
  incidents: z.array(factSchema('Incident')).default([]),
  statements: z.array(factSchema('Statement')).default([]),
  /** Roles and stances in time; `actor` and `on` name nodes as relationship ends do. */
  positions: z.array(factSchema('Position')).default([]),
  relationships: z
    .array(
      RelationshipSchema.extend({
        type: z.enum(SEEDED_RELATIONSHIP_TYPES),
        /** Either end (and `blamedBy`): an id, name or alias of a node in the graph or this call. */
        from: z.string().min(1),
        to: z.string().min(1),
        props: RelationshipSchema.shape.props
          .unwrap()
          .extend({ blamedBy: z.string().min(1).optional() })
          .default({}),
        evidence,
      }),
    )
    .default([]),
});
export type FactsInput = z.infer<typeof FactsInputSchema>;

/** Node sections of a facts call and the label of each. */
export const FACT_SECTIONS = {
  actors: 'Actor',
  demands: 'Demand',
  meetings: 'Meeting',
  incidents: 'Incident',
  statements: 'Statement',
  positions: 'Position',
} as const;
export type FactSection = keyof typeof FACT_SECTIONS;

/** GraphQL sends explicit nulls for absent optional fields; zod expects them absent. */
export function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNulls);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([k, v]) => [k, dropNulls(v)]),
    );
  return value;
}
