/**
 * Codes one sentence's lexicon triggers into candidate relationships of the graph's own
 * types. The agent of an event is found, in order: "<event> by X" (and "X-mediated") for
 * entries with agentBy, a possessive or adjective before a noun ("Pakistan's demands",
 * "Afghan refusal"), the nearest actor mention before a verb, else the last actor of the
 * previous sentences (lower confidence). Incidents: CARRIED_OUT in the reporter's voice,
 * BLAMED_FOR (blamedBy the voice) plus ACCUSED when another party says so.
 */
import type { Sentence, Token } from './analyse-text.ts';
import type { Lexicon } from './load-lexicon.ts';
import type { Trigger } from './match-lexicon.ts';
import type { Mention } from './resolve-actors.ts';
import type { SentenceFraming } from './detect-framing.ts';
import type { NodeRef, SuggestedRelationshipType } from './suggestion-types.ts';

export interface CodedRelationship {
  type: SuggestedRelationshipType;
  from: NodeRef;
  to: NodeRef;
  kind: string | null;
  trigger: Trigger;
  negated: boolean;
  blamedBy: string | null;
  /** 0–1: how directly the agent was found, times the entry's weight. */
  confidence: number;
}

export interface CodingContext {
  text: string;
  sentence: Sentence;
  mentions: Mention[];
  framing: SentenceFraming;
  lexicon: Lexicon;
  /** Actor mentions of the preceding sentences, most recent last. */
  earlier: Mention[];
  actorName: (id: string) => string;
}

const STOP_AGENT = new Set(['VERB', 'AUX', 'SCONJ']);
const POSSESSIVE = new Set(["'s", '’s', "'", '’']);

function clauseText(ctx: CodingContext, from: number): string {
  const tokens = ctx.sentence.tokens;
  const start = tokens[Math.min(from, tokens.length - 1)]!.start;
  let last = from;
  while (last + 1 < tokens.length && ![';', '.', '!', '?'].includes(tokens[last + 1]!.text)) last++;
  return ctx.text.slice(start, tokens[last]!.end).trim();
}

function byAgents(ctx: CodingContext, trig: Trigger): Mention[] {
  const tokens = ctx.sentence.tokens;
  let k = trig.last + 1;
  if (tokens[k]?.pos === 'ADV') k++;
  if (tokens[k]?.lower !== 'by') return [];
  const out: Mention[] = [];
  for (let j = k + 1; j < Math.min(tokens.length, k + 14); j++) {
    const t = tokens[j]!;
    if (STOP_AGENT.has(t.pos) || [';', '.', ':'].includes(t.text)) break;
    const m = ctx.mentions.find((x) => x.first === j);
    if (m) out.push(m);
  }
  return out;
}

function compoundAgents(ctx: CodingContext, trig: Trigger): Mention[] {
  // "Turkey-mediated", "Qatar-Turkey facilitation"
  const tokens = ctx.sentence.tokens;
  const out: Mention[] = [];
  let end = trig.first - 1;
  if (
    tokens[end]?.text !== '-' &&
    tokens[end]?.pos !== 'PROPN' &&
    !ctx.mentions.some((m) => m.last === end)
  )
    return [];
  if (tokens[end]?.text === '-') end--;
  for (;;) {
    const m = ctx.mentions.find((x) => x.last === end);
    if (!m) break;
    out.push(m);
    if (tokens[m.first - 1]?.text !== '-') break;
    end = m.first - 2;
  }
  return out;
}

function possessor(ctx: CodingContext, trig: Trigger): Mention | undefined {
  const tokens = ctx.sentence.tokens;
  let k = trig.first - 1;
  while (k >= 0 && tokens[k]!.pos === 'ADJ') k--;
  if (tokens[k] && POSSESSIVE.has(tokens[k]!.text)) k--;
  return ctx.mentions.find((m) => m.last === k);
}

function nearestBefore(ctx: CodingContext, trig: Trigger): Mention | undefined {
  const candidates = ctx.mentions.filter(
    (m) => m.last < trig.first && !isInAttribution(ctx, m, trig),
  );
  return candidates.at(-1) ?? ctx.mentions.filter((m) => m.last < trig.first).at(-1);
}

function isInAttribution(ctx: CodingContext, m: Mention, trig: Trigger): boolean {
  // an "according to X" speaker is the voice, not the agent, unless it is the only actor
  return (
    ctx.framing.attribution.has(m.first) && trig.first > m.last + 1 && ctx.framing.voice !== null
  );
}

function firstAfter(ctx: CodingContext, trig: Trigger): Mention | undefined {
  return ctx.mentions.find((m) => m.first > trig.last && m.first <= trig.last + 4);
}

function isNegated(ctx: CodingContext, trig: Trigger): boolean {
  const tokens = ctx.sentence.tokens;
  const cues = new Set(ctx.lexicon.negation.map((w) => w.toLowerCase()));
  const head = tokens[trig.first]!;
  if (head.negated) return true;
  for (let k = trig.first - 1; k >= Math.max(0, trig.first - 3); k--) {
    const t = tokens[k]!;
    if (t.pos === 'PUNCT' || t.lower === 'but') break;
    if (cues.has(t.lower) || cues.has(t.lemma)) return true;
  }
  return false;
}

const reciprocal = (tokens: Token[], trig: Trigger) =>
  ['each other', 'one another'].includes(
    `${tokens[trig.last + 1]?.lower ?? ''} ${tokens[trig.last + 2]?.lower ?? ''}`,
  );

export function codeRelationships(ctx: CodingContext, triggers: Trigger[]): CodedRelationship[] {
  const out: CodedRelationship[] = [];
  const tokens = ctx.sentence.tokens;
  const actor = (m: Mention): NodeRef => ({
    kind: 'Actor',
    id: m.actorId,
    text: ctx.actorName(m.actorId),
  });
  for (const trig of triggers) {
    const negated = isNegated(ctx, trig);
    const weight = trig.event?.weight ?? 0.7;
    // agents, with how directly they were found
    let agents: Mention[] = [];
    let directness = 1;
    if (trig.event?.agentBy || trig.incident)
      agents = [...byAgents(ctx, trig), ...compoundAgents(ctx, trig)];
    if (agents.length === 0 && trig.form === 'noun') {
      const p = possessor(ctx, trig);
      if (p) agents = [p];
    }
    if (agents.length === 0 && trig.form !== 'noun') {
      const n = nearestBefore(ctx, trig);
      if (n) {
        agents = [n];
        directness = 0.85;
      }
    }
    if (agents.length === 0 && ctx.framing.voice?.actorId && trig.event?.type !== 'MEDIATED') {
      const v = ctx.mentions.find((m) => m.actorId === ctx.framing.voice?.actorId);
      if (v) {
        agents = [v];
        directness = 0.7;
      }
    }
    // a pronoun subject ("it rejected", "they warned") refers back to the last actor named
    const pronoun = tokens
      .slice(Math.max(0, trig.first - 3), trig.first)
      .some((t) => t.pos === 'PRON');
    if (
      agents.length === 0 &&
      pronoun &&
      !trig.incident &&
      trig.form !== 'noun' &&
      ctx.earlier.length > 0
    ) {
      agents = [ctx.earlier.at(-1)!];
      directness = 0.55;
    }
    const kindOfTarget = (type: SuggestedRelationshipType): NodeRef['kind'] =>
      type === 'MEDIATED' || type === 'HOSTED'
        ? 'Meeting'
        : type === 'STATED'
          ? 'Statement'
          : type === 'ACCUSED' || type === 'BLAMED_FOR'
            ? 'Incident'
            : 'Demand';
    const target = (type: SuggestedRelationshipType): NodeRef => ({
      kind: kindOfTarget(type),
      id: null,
      text: clauseText(ctx, type === 'DEMANDED' ? trig.last + 1 : trig.first),
    });
    const push = (
      type: SuggestedRelationshipType,
      from: Mention,
      kind: string | null,
      blamedBy: string | null,
      conf: number,
    ) =>
      out.push({
        type,
        from: actor(from),
        to: target(type),
        kind,
        trigger: trig,
        negated,
        blamedBy,
        confidence:
          Math.round(conf * (negated ? 0.3 : 1) * (ctx.framing.hedged ? 0.85 : 1) * 100) / 100,
      });

    if (trig.incident) {
      const voiceId = ctx.framing.voice?.actorId ?? null;
      for (const a of agents.filter((m) => directness >= 0.85 || m.actorId !== voiceId)) {
        const attributed = ctx.framing.framing !== 'REPORTER' && voiceId !== a.actorId;
        if (attributed) {
          push('BLAMED_FOR', a, trig.incident.kind, voiceId, 0.7 * directness);
          const voice = ctx.mentions.find((m) => m.actorId === voiceId);
          if (voice) push('ACCUSED', voice, trig.incident.kind, null, 0.6 * directness);
        } else push('CARRIED_OUT', a, trig.incident.kind, null, 0.6 * directness);
      }
      continue;
    }
    const ev = trig.event!;
    if ((ev.type === 'ACCUSED' || ev.type === 'BLAMED_FOR') && reciprocal(tokens, trig)) {
      const pair = [
        ...new Map([...ctx.earlier, ...ctx.mentions].reverse().map((m) => [m.actorId, m])).values(),
      ].slice(0, 2);
      const [a, b] = pair;
      if (a && b) {
        for (const [x, y] of [
          [a, b],
          [b, a],
        ] as const) {
          push('ACCUSED', x, null, null, weight * 0.7);
          push('BLAMED_FOR', y, null, x.actorId, weight * 0.7);
        }
      }
      continue;
    }
    if (ev.type === 'ACCUSED' || ev.type === 'BLAMED_FOR') {
      const patient = firstAfter(ctx, trig);
      for (const a of agents) {
        if (ev.type === 'ACCUSED') push('ACCUSED', a, null, null, weight * directness);
        if (patient && patient.actorId !== a.actorId)
          push('BLAMED_FOR', patient, null, a.actorId, weight * directness);
        else if (ev.type === 'BLAMED_FOR')
          push(
            'BLAMED_FOR',
            a,
            null,
            ctx.framing.voice?.actorId ?? null,
            weight * directness * 0.8,
          );
      }
      continue;
    }
    for (const a of agents) push(ev.type, a, ev.kind ?? null, null, weight * directness);
  }
  return out;
}
