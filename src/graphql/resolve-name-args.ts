/**
 * Arguments that name a node accept its id, name or any alias (case- and accent-
 * insensitive, src/resolve/). Before a root field is translated, each such argument is
 * replaced by the id it names; a name that names nothing, or more than one node, is a
 * BAD_USER_INPUT error listing the candidates — never an empty answer.
 */
import { badUserInput } from '../errors.ts';
import { describeFailure, resolveName, type RunQuery } from '../resolve/resolve-name.ts';
import type { GraphContext } from './context.ts';

const ACTOR = ['Actor'] as const;
const SOURCE = ['Source'] as const;
const MEETING = ['Meeting'] as const;
const ANY = ['Actor', 'Demand', 'Meeting', 'Incident', 'Statement', 'Claim', 'Source'] as const;

/** For each root field: argument path (dotted) → labels the named node may have. */
const NAME_ARGUMENTS: Record<string, Record<string, readonly string[]>> = {
  actors: { 'filter.source': SOURCE },
  demands: {
    'filter.madeBy': ACTOR,
    'filter.addressedTo': ACTOR,
    'filter.rejectedBy': ACTOR,
    'filter.concerns': ACTOR,
    'filter.raisedAt': MEETING,
    'filter.source': SOURCE,
  },
  meetings: { 'filter.actor': ACTOR, 'filter.mediator': ACTOR, 'filter.source': SOURCE },
  incidents: { 'filter.blamed': ACTOR, 'filter.source': SOURCE },
  statements: { 'filter.statedBy': ACTOR, 'filter.voice.speaker': ACTOR, 'filter.source': SOURCE },
  timeline: { actor: ACTOR, otherActor: ACTOR, 'voice.speaker': ACTOR },
  positions: { actor: ACTOR, on: ['Actor', 'Demand', 'Meeting'], 'voice.speaker': ACTOR },
  connections: { from: ANY, to: ANY },
  graph: { source: SOURCE, actor: ACTOR, around: ANY },
  disagreements: { subject: ANY },
  demandStats: { actor: ACTOR },
};

/** A copy of `args` with every naming argument of `field` replaced by the id it names. */
export async function resolveNameArgs<A>(ctx: GraphContext, field: string, args: A): Promise<A> {
  const spec = NAME_ARGUMENTS[field];
  if (!spec) return args;
  const run: RunQuery = (cypher, params) => ctx.reader.readRows({ cypher, params });
  const out = structuredClone(args) as Record<string, unknown>;
  for (const [argPath, labels] of Object.entries(spec)) {
    const keys = argPath.split('.');
    const last = keys.pop()!;
    let holder: Record<string, unknown> | undefined = out;
    for (const k of keys) holder = holder?.[k] as Record<string, unknown> | undefined;
    const value = holder?.[last];
    if (!holder || typeof value !== 'string') continue;
    const res = await resolveName(run, value, labels);
    if (res.kind !== 'found') throw badUserInput(describeFailure(value, res), argPath);
    holder[last] = res.node.id;
  }
  return out as A;
}

/** The id a lookup argument names, or the argument itself when it names nothing (→ null). */
export async function resolveLookupId(
  ctx: GraphContext,
  id: string,
  labels: readonly string[],
): Promise<string> {
  const run: RunQuery = (cypher, params) => ctx.reader.readRows({ cypher, params });
  const res = await resolveName(run, id, labels);
  return res.kind === 'found' ? res.node.id : id;
}
