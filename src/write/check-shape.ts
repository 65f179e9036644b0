/**
 * Shape rules no single relationship shows, over the relationships one plan states (their
 * ends resolved to ids): none joins a node to itself (an actor does not REPRESENT itself, a
 * meeting does not FOLLOW itself), and the order relationships (FOLLOWED) form no cycle — a
 * meeting cannot come, through others, after itself. On the API path only the call's own
 * relationships are checked for cycles, not those already in the graph.
 */
import type { Location, PlanProblem } from './facts.ts';

/** Relationship types that state an order, so a chain of them must never loop back. */
const ACYCLIC_TYPES: readonly string[] = ['FOLLOWED'];

export interface ResolvedEdge {
  at: Location;
  type: string;
  from: string;
  to: string;
}

export function shapeProblems(edges: readonly ResolvedEdge[]): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const ordered = new Map<string, ResolvedEdge[]>();
  for (const edge of edges) {
    if (edge.from === edge.to) {
      problems.push({
        ...edge.at,
        message: `${edge.type} from '${edge.from}' to itself: a relationship must join two different nodes`,
      });
    } else if (ACYCLIC_TYPES.includes(edge.type)) {
      ordered.set(edge.type, [...(ordered.get(edge.type) ?? []), edge]);
    }
  }
  for (const [type, typed] of ordered) {
    const cycle = findCycle(typed);
    const first = cycle?.[0];
    if (cycle && first)
      problems.push({
        ...first.at,
        message: `${type} forms a cycle: ${[...cycle.map((e) => e.from), first.from].join(' → ')} (${cycle.map((e) => (e.at.file ? `${e.at.file}: ${e.at.path}` : e.at.path)).join(', ')})`,
      });
  }
  return problems;
}

/** One cycle among the edges (as the edges that form it, in order), or undefined. */
function findCycle(edges: readonly ResolvedEdge[]): ResolvedEdge[] | undefined {
  const out = new Map<string, ResolvedEdge[]>();
  for (const e of edges) out.set(e.from, [...(out.get(e.from) ?? []), e]);
  const state = new Map<string, 'open' | 'done'>();
  const stack: ResolvedEdge[] = [];
  const visit = (node: string): ResolvedEdge[] | undefined => {
    state.set(node, 'open');
    for (const edge of out.get(node) ?? []) {
      const next = state.get(edge.to);
      stack.push(edge);
      if (next === 'open') return stack.slice(stack.findIndex((e) => e.from === edge.to));
      if (next === undefined) {
        const found = visit(edge.to);
        if (found) return found;
      }
      stack.pop();
    }
    state.set(node, 'done');
    return undefined;
  };
  for (const node of out.keys()) {
    if (state.get(node) === undefined) {
      const found = visit(node);
      if (found) return found;
    }
  }
  return undefined;
}
