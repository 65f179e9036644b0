/**
 * Validation of one recordFacts call against the graph, inside the write transaction:
 * finds every problem (with its input path) or returns the rows to write.
 *
 * Guarantees, when it returns: the report exists and has its text stored; every quote
 * occurs verbatim in it (src/seed/quote-text.ts normalisation) and carries its selectors;
 * every fact node is either new (its id unused) or an existing node of the same label,
 * found by id, name or alias; every relationship end resolves to exactly one node of a
 * label the relationship allows (src/model/relationships.ts, the seeds' own rules).
 */
import type { Props, PropValue } from '../seed/dataset.ts';
import type { NodeLabel } from '../model/node-kinds.ts';
import { RELATIONSHIPS, seedFrom } from '../model/relationships.ts';
import { foldName } from '../resolve/fold-name.ts';
import { describeFailure, resolveName, type RunQuery } from '../resolve/resolve-name.ts';
import { locateQuote, type QuoteSelector } from './quote-selector.ts';
import {
  FACT_SECTIONS,
  type FactEvidence,
  type FactSection,
  type FactsInput,
} from './write-input.ts';
import type { WriteProblem } from './write-problems.ts';

export const API_ORIGIN = 'api';

export interface PlannedNode {
  label: NodeLabel;
  id: string;
  /** Absent for a node that already exists (only its REPORTED_BY is added). */
  props?: Props;
}

export interface PlannedRelationship {
  type: string;
  id: string;
  from: string;
  to: string;
  props: Props;
}

export interface FactsPlan {
  reportId: string;
  nodes: PlannedNode[];
  relationships: PlannedRelationship[];
  /** Names in the input that resolved to existing nodes. */
  resolved: { path: string; name: string; id: string }[];
  quotes: ({ path: string } & QuoteSelector)[];
}

interface CallNode {
  path: string;
  label: NodeLabel;
  id: string;
  keys: string[];
}

const ANY_LABEL = ['Actor', 'Demand', 'Meeting', 'Incident', 'Statement', 'Claim', 'Source'];

/** Flattens a fact for Neo4j: `date` becomes dateText/datePrecision/dateRelativeTo. */
function flatten(record: Record<string, unknown>): Props {
  const props: Props = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined || key === 'evidence') continue;
    if (key === 'date' && typeof value === 'object') {
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

export async function planFacts(
  run: RunQuery,
  input: FactsInput,
  problems: WriteProblem[],
): Promise<FactsPlan | undefined> {
  const [report] = await run(
    `MATCH (s:Source) WHERE s.id = $r OR s.textHash = $r RETURN s.id AS id, s.text AS text LIMIT 1`,
    { r: input.report },
  );
  if (!report) {
    problems.push({
      path: 'report',
      message: `unknown report '${input.report}' (add it with addReport first)`,
    });
    return undefined;
  }
  const reportId = report.id as string;
  const text = report.text as string | null;
  if (text === null) {
    problems.push({
      path: 'report',
      message: `report '${reportId}' has no stored text, so quotes cannot be verified; add its text with addReport`,
    });
    return undefined;
  }

  const plan: FactsPlan = { reportId, nodes: [], relationships: [], resolved: [], quotes: [] };
  // One call often names the same node many times: resolve each name once.
  const memo = new Map<string, ReturnType<typeof resolveName>>();
  const resolveOnce = (name: string, labels: readonly string[], closest = true) => {
    const key = `${labels.join('|')}\u0000${closest}\u0000${name}`;
    let res = memo.get(key);
    if (!res) memo.set(key, (res = resolveName(run, name, labels, { closest })));
    return res;
  };
  const local: CallNode[] = [];
  const evidenceProps = (path: string, evidence: FactEvidence[]): Props => {
    const props = {
      sourceIds: [] as string[],
      quotes: [] as string[],
      quoteExacts: [] as string[],
      quoteStarts: [] as number[],
      quoteEnds: [] as number[],
      quotePrefixes: [] as string[],
      quoteSuffixes: [] as string[],
      voices: [] as string[],
      framings: [] as string[],
    };
    evidence.forEach((ev, i) => {
      const selector = locateQuote(ev.quote, text);
      if (!selector) {
        problems.push({
          path: `${path}.evidence[${i}].quote`,
          message: `quote is not verbatim in report '${reportId}': "${ev.quote}"`,
        });
        return;
      }
      plan.quotes.push({ path: `${path}.evidence[${i}]`, ...selector });
      props.sourceIds.push(reportId);
      props.quotes.push(ev.quote);
      props.quoteExacts.push(selector.exact);
      props.quoteStarts.push(selector.start);
      props.quoteEnds.push(selector.end);
      props.quotePrefixes.push(selector.prefix);
      props.quoteSuffixes.push(selector.suffix);
      props.voices.push(ev.voice ?? '');
      props.framings.push(ev.framing);
    });
    return { ...props, origin: API_ORIGIN } as unknown as Props;
  };

  // Fact nodes: new, or an existing node of the same label named by id, name or alias.
  const sections = Object.keys(FACT_SECTIONS) as FactSection[];
  const entries = sections.flatMap((section) =>
    (input[section] as { id: string; name?: string; aliases?: string[] }[]).map((record, i) => ({
      path: `${section}[${i}]`,
      label: FACT_SECTIONS[section],
      record: record as Record<string, unknown> & {
        id: string;
        name?: string;
        aliases?: string[];
        evidence: FactEvidence[];
      },
    })),
  );
  const existing = new Map<string, string>();
  for (const row of await run(
    `UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label`,
    { ids: entries.map((e) => e.record.id) },
  ))
    existing.set(row.id as string, row.label as string);

  const seen = new Map<string, string>();
  for (const { path, label, record } of entries) {
    if (seen.has(record.id)) {
      problems.push({
        path: `${path}.id`,
        message: `duplicate id '${record.id}' (also at ${seen.get(record.id)})`,
      });
      continue;
    }
    seen.set(record.id, path);
    let id = record.id;
    let isNew = true;
    const found = existing.get(record.id);
    if (found !== undefined && found !== label) {
      problems.push({
        path: `${path}.id`,
        message: `'${record.id}' is already a ${found}, not a ${label}`,
      });
      continue;
    } else if (found === label) {
      isNew = false;
    } else if (record.name !== undefined) {
      // A new node's name needs no closest matches: only whether it names an existing one.
      const res = await resolveOnce(record.name, [label], false);
      if (res.kind === 'found') {
        id = res.node.id;
        isNew = false;
        plan.resolved.push({ path: `${path}.name`, name: record.name, id });
      } else if (res.kind === 'ambiguous') {
        problems.push({ path: `${path}.name`, message: describeFailure(record.name, res) });
        continue;
      }
    }
    const evidence = evidenceProps(path, record.evidence);
    local.push({
      path,
      label,
      id,
      keys: [record.id, record.name ?? '', ...(record.aliases ?? [])].filter(Boolean).map(foldName),
    });
    plan.nodes.push(
      isNew ? { label, id, props: { ...flatten(record), ...evidence } } : { label, id },
    );
    plan.relationships.push(reportedBy(id, reportId, evidence));
  }

  // Relationship ends: a node of this call, else one in the graph.
  const resolveEnd = async (path: string, name: string, allowed: readonly string[]) => {
    const folded = foldName(name);
    const mine = local.filter((n) => n.id === name || n.keys.includes(folded));
    let node: { id: string; label: string } | undefined = mine.length === 1 ? mine[0] : undefined;
    if (mine.length > 1) {
      problems.push({
        path,
        message: `"${name}" names more than one fact of this call: ${mine.map((n) => n.id).join(', ')}`,
      });
      return undefined;
    }
    if (!node) {
      const res = await resolveOnce(name, ANY_LABEL);
      if (res.kind !== 'found') {
        problems.push({ path, message: `dangling reference: ${describeFailure(name, res)}` });
        return undefined;
      }
      node = res.node;
      if (res.node.id !== name) plan.resolved.push({ path, name, id: res.node.id });
    }
    if (!allowed.includes(node.label)) {
      problems.push({
        path,
        message: `'${name}' is a ${node.label}, expected ${allowed.join(' or ')}`,
      });
      return undefined;
    }
    return node.id;
  };

  const relIds = new Map<string, string>();
  for (const [i, rel] of input.relationships.entries()) {
    const path = `relationships[${i}]`;
    const from = await resolveEnd(`${path}.from`, rel.from, seedFrom(rel.type));
    const to = await resolveEnd(`${path}.to`, rel.to, RELATIONSHIPS[rel.type].to);
    const allowed = Object.keys(RELATIONSHIPS[rel.type].properties);
    for (const key of Object.keys(rel.props))
      if (!allowed.includes(key))
        problems.push({
          path: `${path}.props.${key}`,
          message: `${rel.type} has no property '${key}' (it may have: ${allowed.join(', ') || 'none'})`,
        });
    const props = flatten(rel.props);
    if (typeof rel.props.blamedBy === 'string') {
      const by = await resolveEnd(`${path}.props.blamedBy`, rel.props.blamedBy, ['Actor']);
      if (by !== undefined) props.blamedBy = by;
    }
    const evidence = evidenceProps(path, rel.evidence);
    if (from === undefined || to === undefined) continue;
    const id = `${from}-${rel.type}-${to}@${reportId}`;
    if (relIds.has(id)) {
      problems.push({
        path,
        message: `duplicate relationship ${rel.type} ${from} → ${to} (also at ${relIds.get(id)})`,
      });
      continue;
    }
    relIds.set(id, path);
    plan.relationships.push({ type: rel.type, id, from, to, props: { id, ...props, ...evidence } });
  }
  return plan;
}

/** One REPORTED_BY per fact node and report, with that report's quotes for the node. */
function reportedBy(nodeId: string, reportId: string, evidence: Props): PlannedRelationship {
  const id = `${nodeId}-REPORTED_BY-${reportId}`;
  return { type: 'REPORTED_BY', id, from: nodeId, to: reportId, props: { id, ...evidence } };
}
