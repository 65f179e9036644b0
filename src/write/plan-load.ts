/**
 * The truth rules, once, for the seed loader and the API: `planLoad(facts, context)` turns
 * well-formed facts into the rows to write, or lists every problem with its location. Pure:
 * no database, no files — the caller gives the report texts and a name resolver.
 *
 * Guarantees, when it returns no problems: ids are unique; every evidence quote names a
 * known report and, when that report's text is given, occurs in it verbatim (the loader's
 * normalisation, src/seed/quote-text.ts); every relationship end and every `ref` property
 * (dates' `relativeTo` included) resolves to a node of a label src/model allows; every
 * relationship property is one its type declares; no relationship is stated twice, joins a
 * node to itself or closes a FOLLOWED cycle (check-shape.ts). Every
 * row carries its reports and quotes (sourceIds, quotes, voices, framings) and its origin;
 * every fact node gets one REPORTED_BY per report carrying that report's quotes.
 */
import type { NodeRow, Props, PropValue, RelationshipRow } from '../seed/dataset.ts';
import { NODE_KINDS } from '../model/node-kinds.ts';
import type { PropertySpec } from '../model/property.ts';
import { RELATIONSHIPS, seedFrom } from '../model/relationships.ts';
import type { EvidenceFact, Facts, Location, NodeFact, PlanProblem, Reference } from './facts.ts';
import { shapeProblems, type ResolvedEdge } from './check-shape.ts';
import { locateQuote, type QuoteSelector } from './quote-selector.ts';

export interface PlanContext {
  /** Stored as `origin` on every row: who owns it (`seeds`, `api`). */
  origin: string;
  /** Known reports: id → text, or undefined when the text is not at hand (quotes unverified). */
  reports: ReadonlyMap<string, string | undefined>;
  /** Resolves a relationship end or `ref` value (an id, or a name on the API path). */
  resolve: (name: string) => Reference;
  /** Appended to relationship ids (`@report` on the API: one relationship per report). */
  relationshipIdSuffix?: string;
  /** Also store each quote's W3C selectors (quoteStarts, quoteExacts…) on the rows. */
  recordPositions?: boolean;
}

export interface LocatedQuote extends QuoteSelector {
  /** Path of the evidence entry, e.g. `demands[0].evidence[1]`. */
  path: string;
}

export interface Plan {
  /** New nodes only; a fact about an existing node adds its REPORTED_BY alone. */
  nodes: NodeRow[];
  relationships: RelationshipRow[];
  /** Every quote verified against its report's text, with where it is. */
  quotes: LocatedQuote[];
  /** References given by a name other than the id they resolved to. */
  resolved: { path: string; name: string; id: string }[];
}

export interface PlanResult {
  plan: Plan;
  problems: PlanProblem[];
}

/** One reference a fact makes: a name, where it stands, the labels it may point at. */
interface ReferenceSite {
  at: Location;
  suffix: string;
  name: string;
  labels: readonly string[];
}

export function planLoad(facts: Facts, context: PlanContext): PlanResult {
  const problems: PlanProblem[] = [];
  const plan: Plan = { nodes: [], relationships: [], quotes: [], resolved: [] };
  const problem = (at: Location, suffix: string, message: string) =>
    problems.push({ file: at.file, path: `${at.path}${suffix}`, message });
  const resolved = (site: ReferenceSite): string | undefined => {
    const ref = context.resolve(site.name);
    if (ref.kind === 'node') {
      if (site.labels.includes(ref.label)) {
        if (ref.id !== site.name)
          plan.resolved.push({
            path: `${site.at.path}${site.suffix}`,
            name: site.name,
            id: ref.id,
          });
        return ref.id;
      }
      problem(
        site.at,
        site.suffix,
        `'${site.name}' is a ${ref.label}, expected ${site.labels.join(' or ')}`,
      );
      return undefined;
    }
    problem(
      site.at,
      site.suffix,
      ref.kind === 'dangling' ? `dangling reference: ${ref.reason}` : ref.reason,
    );
    return undefined;
  };
  const verified = (owner: Location, evidence: readonly EvidenceFact[]): Evidenced => {
    const selectors = verifyEvidence(owner, evidence, context.reports, problem, plan.quotes);
    return evidence.map((ev, i) => ({ ev, selector: selectors[i] }));
  };

  const seen = new Map<string, Location>();
  for (const node of facts.nodes) {
    const previous = seen.get(node.id);
    if (previous) {
      problem(node.at, '.id', `duplicate id '${node.id}' (already defined in ${where(previous)})`);
      continue;
    }
    seen.set(node.id, node.at);
    const record = withReferences(
      node.at,
      '',
      NODE_KINDS[node.label].properties,
      node.record,
      resolved,
    );
    const evidence = verified(node.at, node.evidence);
    const id = node.existingId ?? node.id;
    if (node.existingId === undefined)
      plan.nodes.push({
        label: node.label,
        id,
        props: { ...flatten(record), ...provenance(evidence, context) },
      });
    plan.relationships.push(...derivedRelationships(node, id, record, evidence, context));
  }

  const relIds = new Map<string, Location>();
  const edges: ResolvedEdge[] = [];
  for (const rel of facts.relationships) {
    const from = resolved({
      at: rel.at,
      suffix: '.from',
      name: rel.from,
      labels: seedFrom(rel.type),
    });
    const to = resolved({
      at: rel.at,
      suffix: '.to',
      name: rel.to,
      labels: RELATIONSHIPS[rel.type].to,
    });
    const declared = RELATIONSHIPS[rel.type].properties;
    for (const key of Object.keys(rel.props))
      if (!Object.hasOwn(declared, key))
        problem(
          rel.at,
          `.props.${key}`,
          `${rel.type} has no property '${key}' (it has: ${Object.keys(declared).join(', ') || 'none'})`,
        );
    const props = withReferences(rel.at, '.props', declared, rel.props, resolved);
    const evidence = provenance(verified(rel.at, rel.evidence), context);
    if (from === undefined || to === undefined) continue;
    const props2 = { ...flatten(props), ...evidence };
    const row = relationship(rel.type, from, to, props2, context.relationshipIdSuffix ?? '');
    const previous = relIds.get(row.id);
    if (previous) {
      problem(
        rel.at,
        '',
        `duplicate relationship ${row.id} (already defined in ${where(previous)})`,
      );
      continue;
    }
    relIds.set(row.id, rel.at);
    edges.push({ at: rel.at, type: rel.type, from, to });
    plan.relationships.push(row);
  }
  problems.push(...shapeProblems(edges));
  return { plan, problems };
}

/** Every name the facts refer to (relationship ends, `ref` properties): what a resolver must know. */
export function referencedNames(facts: Facts): string[] {
  const names = new Set<string>();
  const collect = (specs: Record<string, PropertySpec>, record: Record<string, unknown>) =>
    withReferences({ file: '', path: '' }, '', specs, record, (site) => {
      names.add(site.name);
      return site.name;
    });
  for (const node of facts.nodes) collect(NODE_KINDS[node.label].properties, node.record);
  for (const rel of facts.relationships) {
    names.add(rel.from).add(rel.to);
    collect(RELATIONSHIPS[rel.type].properties, rel.props);
  }
  return [...names];
}

const where = (at: Location) => (at.file ? `${at.file}: ${at.path}` : at.path);

/** The record with each `ref` property and date `relativeTo` replaced by the id it resolves to. */
function withReferences(
  at: Location,
  prefix: string,
  specs: Record<string, PropertySpec>,
  record: Record<string, unknown>,
  resolve: (site: ReferenceSite) => string | undefined,
): Record<string, unknown> {
  const out = { ...record };
  for (const [name, spec] of Object.entries(specs)) {
    const value = record[name];
    if (value === undefined) continue;
    if (spec.type === 'ref' && typeof value === 'string')
      out[name] = resolve({ at, suffix: `${prefix}.${name}`, name: value, labels: spec.to ?? [] });
    if (spec.type === 'date' && typeof value === 'object' && value !== null) {
      const date = value as { relativeTo?: string };
      if (date.relativeTo !== undefined)
        out[name] = {
          ...date,
          relativeTo: resolve({
            at,
            suffix: `${prefix}.${name}.relativeTo`,
            name: date.relativeTo,
            labels: ['Source'],
          }),
        };
    }
  }
  return out;
}

/** Verifies each quote against its report; returns each quote's selector (undefined: unverified). */
function verifyEvidence(
  owner: Location,
  evidence: readonly EvidenceFact[],
  reports: PlanContext['reports'],
  problem: (at: Location, suffix: string, message: string) => void,
  located: LocatedQuote[],
): (QuoteSelector | undefined)[] {
  return evidence.map((ev, i) => {
    const at = `.evidence[${i}]`;
    if (!reports.has(ev.source)) {
      problem(owner, `${at}.source`, `unknown report id '${ev.source}' (not a known report)`);
      return undefined;
    }
    const text = reports.get(ev.source);
    if (text === undefined) return undefined;
    const selector = locateQuote(ev.quote, text);
    if (!selector)
      problem(
        owner,
        `${at}.quote`,
        `quote is not verbatim in report '${ev.source}': "${ev.quote}"`,
      );
    else located.push({ path: `${owner.path}${at}`, ...selector });
    return selector;
  });
}

/** A fact's provenance: its reports and quotes, parallel arrays (Neo4j has no map properties). */
function provenance(
  evidence: readonly { ev: EvidenceFact; selector: QuoteSelector | undefined }[],
  context: PlanContext,
): Props {
  const props: Props = {
    sourceIds: evidence.map((e) => e.ev.source),
    quotes: evidence.map((e) => e.ev.quote),
    // Whom the report attributes each quote to, and how it frames it.
    voices: evidence.map((e) => e.ev.voice ?? ''),
    framings: evidence.map((e) => e.ev.framing ?? ''),
    origin: context.origin,
  };
  if (context.recordPositions) {
    const s = evidence.flatMap((e) => (e.selector ? [e.selector] : []));
    props.quoteExacts = s.map((x) => x.exact);
    props.quoteStarts = s.map((x) => x.start);
    props.quoteEnds = s.map((x) => x.end);
    props.quotePrefixes = s.map((x) => x.prefix);
    props.quoteSuffixes = s.map((x) => x.suffix);
  }
  return props;
}

type Evidenced = { ev: EvidenceFact; selector: QuoteSelector | undefined }[];

/** REPORTED_BY per report, and the edges a Claim's subject and a Position's actor and target imply. */
function derivedRelationships(
  node: NodeFact,
  id: string,
  record: Record<string, unknown>,
  evidence: Evidenced,
  context: PlanContext,
): RelationshipRow[] {
  const rows: RelationshipRow[] = [];
  const edge = (type: RelationshipRow['type'], from: unknown, to: unknown) => {
    if (typeof from === 'string' && typeof to === 'string')
      rows.push(relationship(type, from, to, provenance(evidence, context), ''));
  };
  if (node.label === 'Claim') edge('ABOUT', id, record.subject);
  if (node.label === 'Position') {
    edge('HELD', record.actor, id);
    edge('ON', id, record.on);
  }
  if (node.label === 'Source') return rows;
  const bySource = new Map<string, Evidenced>();
  for (const e of evidence) bySource.set(e.ev.source, [...(bySource.get(e.ev.source) ?? []), e]);
  for (const [source, evs] of bySource)
    if (context.reports.has(source))
      rows.push(relationship('REPORTED_BY', id, source, provenance(evs, context), ''));
  return rows;
}

function relationship(
  type: RelationshipRow['type'],
  from: string,
  to: string,
  props: Props,
  idSuffix: string,
): RelationshipRow {
  const id = `${from}-${type}-${to}${idSuffix}`;
  return { type, id, from, to, props: { id, ...props } };
}

/** Flattens a record for Neo4j: `date` becomes dateText/datePrecision/dateRelativeTo. */
function flatten(record: Record<string, unknown>): Props {
  const props: Props = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined || key === 'evidence') continue;
    if (key === 'date' && typeof value === 'object' && value !== null) {
      const date = value as { text: string; precision: string; relativeTo?: string };
      props.dateText = date.text;
      props.datePrecision = date.precision;
      if (date.relativeTo !== undefined) props.dateRelativeTo = date.relativeTo;
      continue;
    }
    props[key] = value as PropValue;
  }
  return props;
}
