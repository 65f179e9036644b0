/**
 * Shape rules of the seed graph that no single record shows: no relationship from a node to
 * itself (an actor does not REPRESENT itself, a meeting does not FOLLOW itself), and no
 * cycle in the order relationships (FOLLOWED: a meeting cannot come, through others, after
 * itself). Throws one SeedValidationError naming each offending relationship's file and path.
 */
import type { ParsedSeedFile } from './read-seed-files.ts';
import { SeedValidationError, type SeedProblem } from './seed-error.ts';

/** Relationship types that state an order, so a chain of them must never loop back. */
const ACYCLIC_TYPES = ['FOLLOWED'] as const;

interface Located {
  file: string;
  path: string;
  from: string;
  to: string;
}

export function checkGraphShape(files: readonly ParsedSeedFile[]): void {
  const problems: SeedProblem[] = [];
  const byType = new Map<string, Located[]>();
  for (const { file, data } of files) {
    (data.relationships ?? []).forEach((rel, i) => {
      const located = { file, path: `relationships[${i}]`, from: rel.from, to: rel.to };
      if (rel.from === rel.to) {
        problems.push({
          file,
          path: located.path,
          message: `${rel.type} from '${rel.from}' to itself: a relationship must join two different nodes`,
        });
        return;
      }
      byType.set(rel.type, [...(byType.get(rel.type) ?? []), located]);
    });
  }
  for (const type of ACYCLIC_TYPES) {
    const cycle = findCycle(byType.get(type) ?? []);
    if (cycle) {
      const first = cycle[0] as Located;
      problems.push({
        file: first.file,
        path: first.path,
        message: `${type} forms a cycle: ${[...cycle.map((e) => e.from), first.from].join(' → ')} (${cycle.map((e) => `${e.file}: ${e.path}`).join(', ')})`,
      });
    }
  }
  if (problems.length > 0) throw new SeedValidationError(problems);
}

/** One cycle among the edges (as the edges that form it, in order), or undefined. */
function findCycle(edges: readonly Located[]): Located[] | undefined {
  const out = new Map<string, Located[]>();
  for (const e of edges) out.set(e.from, [...(out.get(e.from) ?? []), e]);
  const state = new Map<string, 'open' | 'done'>();
  const stack: Located[] = [];
  const visit = (node: string): Located[] | undefined => {
    state.set(node, 'open');
    for (const edge of out.get(node) ?? []) {
      const next = state.get(edge.to);
      stack.push(edge);
      if (next === 'open') {
        const start = stack.findIndex((e) => e.from === edge.to);
        return stack.slice(start);
      }
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
