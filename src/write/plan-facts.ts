/**
 * The API path's layer over the one planner (src/write/plan-load.ts), run inside the write
 * transaction: finds the report and its stored text, resolves names against the graph
 * (id, name or alias, folded; src/resolve/), then plans the call's facts with origin `api`
 * and the quotes' W3C selectors. The truth rules — quotes verbatim, ends and `ref`
 * properties of the model's labels, declared properties only, no duplicates — are the
 * planner's, the same as the seed loader's.
 *
 * What is the API's own: a fact node is either new (its id unused) or an existing node of
 * the same label, found by id or by name; a name that is ambiguous is refused with the
 * candidates; a call's nodes are found by their names and aliases too.
 */
import type { NodeLabel } from '../model/node-kinds.ts';
import { foldName } from '../resolve/fold-name.ts';
import {
  describeFailure,
  resolveName,
  type Resolution,
  type RunQuery,
} from '../resolve/resolve-name.ts';
import type { Facts, NodeFact, Reference } from './facts.ts';
import { planLoad, referencedNames, type Plan } from './plan-load.ts';
import { FACT_SECTIONS, type FactSection, type FactsInput } from './write-input.ts';
import type { WriteProblem } from './write-problems.ts';

export const API_ORIGIN = 'api';

export interface FactsPlan extends Plan {
  reportId: string;
}

const ANY_LABEL = [
  'Actor',
  'Demand',
  'Meeting',
  'Incident',
  'Statement',
  'Position',
  'Claim',
  'Source',
];

/** What the API planner asks of the graph (answered by queries in the write transaction). */
export interface GraphLookup {
  /** The label of each id already in the graph. */
  labelsOf: (ids: readonly string[]) => Promise<Map<string, string>>;
  /** Resolves a name among nodes of `labels` (src/resolve/resolve-name.ts). */
  resolve: (name: string, labels: readonly string[], closest: boolean) => Promise<Resolution>;
}

/** Plans one recordFacts call; returns undefined after recording why in `problems`. */
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
  const graph: GraphLookup = {
    labelsOf: async (ids) => {
      const rows = await run(
        `UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label`,
        { ids },
      );
      return new Map(rows.map((row) => [row.id as string, row.label as string]));
    },
    resolve: (name, labels, closest) => resolveName(run, name, labels, { closest }),
  };
  const result = await planCallFacts(input, { id: reportId, text }, graph);
  problems.push(...result.problems);
  return result.plan;
}

/**
 * Plans a call's facts stated by `report` (its id and stored text), resolving names through
 * `graph`; no query of its own. Every problem has its input path.
 */
export async function planCallFacts(
  input: FactsInput,
  report: { id: string; text: string },
  graph: GraphLookup,
): Promise<{ plan: FactsPlan; problems: WriteProblem[] }> {
  // One call often names the same node many times: resolve each name once.
  const memo = new Map<string, Promise<Resolution>>();
  const resolveOnce = (name: string, labels: readonly string[], closest = true) => {
    const key = `${labels.join('|')}\u0000${closest}\u0000${name}`;
    let res = memo.get(key);
    if (!res) memo.set(key, (res = graph.resolve(name, labels, closest)));
    return res;
  };

  const problems: WriteProblem[] = [];
  const facts = callFacts(input, report.id);
  const resolvedNodes: FactsPlan['resolved'] = [];
  const existing = await graph.labelsOf(facts.nodes.map((n) => n.id));
  await findExistingNodes(facts.nodes, existing, resolveOnce, resolvedNodes, problems);

  // A name resolves to a node of this call (id, name or alias), else to one in the graph.
  const local = facts.nodes.map((n) => ({
    id: n.existingId ?? n.id,
    label: n.label,
    keys: [n.id, n.record.name, ...((n.record.aliases as string[] | undefined) ?? [])]
      .filter((k): k is string => typeof k === 'string' && k !== '')
      .map(foldName),
  }));
  const references = new Map<string, Reference>();
  for (const name of referencedNames(facts)) {
    const folded = foldName(name);
    const mine = local.filter((n) => n.id === name || n.keys.includes(folded));
    const [only] = mine;
    if (mine.length > 1) {
      references.set(name, {
        kind: 'ambiguous',
        reason: `"${name}" names more than one fact of this call: ${mine.map((n) => n.id).join(', ')}`,
      });
    } else if (only) {
      references.set(name, { kind: 'node', id: only.id, label: only.label });
    } else {
      const res = await resolveOnce(name, ANY_LABEL);
      references.set(
        name,
        res.kind === 'found'
          ? { kind: 'node', id: res.node.id, label: res.node.label }
          : { kind: 'dangling', reason: describeFailure(name, res) },
      );
    }
  }

  const { plan, problems: planned } = planLoad(facts, {
    origin: API_ORIGIN,
    reports: new Map([[report.id, report.text]]),
    resolve: (name) =>
      references.get(name) ?? { kind: 'dangling', reason: `Nothing is named "${name}".` },
    relationshipIdSuffix: `@${report.id}`,
    recordPositions: true,
  });
  problems.push(...planned.map(({ path, message }) => ({ path, message })));
  return {
    plan: { ...plan, reportId: report.id, resolved: [...resolvedNodes, ...plan.resolved] },
    problems,
  };
}

/** The call's facts in the planner's shape: every quote is from the report the call names. */
function callFacts(input: FactsInput, reportId: string): Facts {
  const at = (path: string) => ({ file: '', path });
  const evidence = (evs: FactsInput['relationships'][number]['evidence']) =>
    evs.map((ev) => ({ source: reportId, quote: ev.quote, voice: ev.voice, framing: ev.framing }));
  const sections = Object.keys(FACT_SECTIONS) as FactSection[];
  return {
    nodes: sections.flatMap((section) =>
      input[section].map((record, i): NodeFact => ({
        at: at(`${section}[${i}]`),
        label: FACT_SECTIONS[section],
        id: record.id,
        record,
        evidence: evidence(record.evidence),
      })),
    ),
    relationships: input.relationships.map((rel, i) => ({
      at: at(`relationships[${i}]`),
      type: rel.type,
      from: rel.from,
      to: rel.to,
      props: rel.props,
      evidence: evidence(rel.evidence),
    })),
  };
}

/**
 * Marks each fact node that names an existing node (same id and label, or a new id whose
 * name resolves to one node of its label) with `existingId`; an id used by another label,
 * or an ambiguous name, is a problem.
 */
async function findExistingNodes(
  nodes: NodeFact[],
  existing: ReadonlyMap<string, string>,
  resolveOnce: (name: string, labels: readonly string[], closest?: boolean) => Promise<Resolution>,
  resolved: FactsPlan['resolved'],
  problems: WriteProblem[],
): Promise<void> {
  for (const node of nodes) {
    const found = existing.get(node.id);
    const name = node.record.name;
    if (found !== undefined && found !== node.label) {
      problems.push({
        path: `${node.at.path}.id`,
        message: `'${node.id}' is already a ${found}, not a ${node.label}`,
      });
    } else if (found === node.label) {
      node.existingId = node.id;
    } else if (typeof name === 'string') {
      // A new node's name needs no closest matches: only whether it names an existing one.
      const res = await resolveOnce(name, [node.label satisfies NodeLabel], false);
      if (res.kind === 'found') {
        node.existingId = res.node.id;
        resolved.push({ path: `${node.at.path}.name`, name, id: res.node.id });
      } else if (res.kind === 'ambiguous') {
        problems.push({ path: `${node.at.path}.name`, message: describeFailure(name, res) });
      }
    }
  }
}
