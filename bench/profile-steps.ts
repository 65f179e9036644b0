/**
 * Shares of a V8 CPU profile (`node --cpu-prof`) by step of a GraphQL request: each sample
 * is charged to the innermost frame on its stack that belongs to a step (so "translation"
 * includes the cypher-builder calls the translator makes, and "validation" GraphQL Armor's
 * rules), and a sample in no step to the package of its own frame. Shares are of busy time
 * (idle excluded).
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  hitCount?: number;
  children?: number[];
}

/** Steps, innermost first: the first that matches a frame on the stack takes the sample. */
const STEPS: [step: string, matches: (url: string, fn: string) => boolean][] = [
  ['parse', (u) => u.includes('/graphql/language/')],
  ['validation', (u) => u.includes('/graphql/validation/') || u.includes('graphql-armor')],
  ['translation', (u) => u.includes('/src/translate/') || u.includes('@neo4j/cypher-builder')],
  ['value conversion', (u) => u.includes('/src/graph/to-plain-value')],
  ['neo4j-driver', (u) => u.includes('neo4j-driver')],
  ['graphql execution', (u) => u.includes('/graphql/execution/') || u.includes('/src/graphql/')],
  [
    'yoga / HTTP',
    (u) => u.includes('graphql-yoga') || u.includes('@whatwg-node') || u.includes('@envelop'),
  ],
];

export function stepShares(file: string): Map<string, number> {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[] };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const totals = new Map<string, number>();
  let busy = 0;
  for (const n of profile.nodes) {
    const hits = n.hitCount ?? 0;
    if (hits === 0 || n.callFrame.functionName === '(idle)') continue;
    busy += hits;
    let step: string | undefined;
    for (let at: ProfileNode | undefined = n; at && !step; at = byId.get(parent.get(at.id) ?? -1)) {
      const { url, functionName } = at.callFrame;
      step = STEPS.find(([, m]) => m(url, functionName))?.[0];
    }
    const own = n.callFrame.functionName.startsWith('(')
      ? n.callFrame.functionName // (garbage collector), (program)
      : (/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(n.callFrame.url)?.[1] ??
        (n.callFrame.url.startsWith('node:') ? 'node internals' : 'other'));
    const key = step ?? own;
    totals.set(key, (totals.get(key) ?? 0) + hits);
  }
  const shares = [...totals].map(([k, v]): [string, number] => [k, v / busy]);
  return new Map(shares.sort((a, b) => b[1] - a[1]));
}
