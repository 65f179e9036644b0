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
  /** Actors named as the parties of the talks ("between X and Y"): never their mediators. */
  parties: Set<string>;
  /** An incident word is in this sentence, or in the one before. */
  incidentInSentence: boolean;
  earlierIncident: boolean;
  actorName: (id: string) => string;
}

const STOP_AGENT = new Set(['VERB', 'AUX', 'SCONJ']);
const POSSESSIVE = new Set(["'s", '’s', "'", '’']);
const MODIFIER = new Set(['ADJ', 'NOUN', 'PUNCT', 'ADV']);
const ANAPHORIC = new Set(['these', 'those', 'the', 'this', 'that', 'such', 'its', 'their']);
const MODALS = new Set([
  'will',
  'would',
  'could',
  'may',
  'might',
  'can',
  'should',
  'if',
  'any',
  'prepare',
]);

function clauseText(ctx: CodingContext, from: number): string {
  const tokens = ctx.sentence.tokens;
  const at = Math.min(from, tokens.length - 1);
  const start = tokens[at]!.start;
  let last = at;
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
  // "Pakistan's core security demands", "Pakistan's “illegitimate” conditions"
  const tokens = ctx.sentence.tokens;
  let k = trig.first - 1;
  while (
    k >= trig.first - 4 &&
    k >= 0 &&
    MODIFIER.has(tokens[k]!.pos) &&
    !POSSESSIVE.has(tokens[k]!.text)
  )
    k--;
  if (tokens[k] && POSSESSIVE.has(tokens[k]!.text)) k--;
  return ctx.mentions.find((m) => m.last === k);
}

/**
 * The nearest actor before a verb that can be its subject: not the speaker of an
 * attribution, not the object of a preposition ("agreed with X", "between X and Y"), not a
 * possessive far from the verb ("X's concerns … they refused"). Falls back to the nearest.
 */
function nearestBefore(ctx: CodingContext, trig: Trigger): Mention | undefined {
  const tokens = ctx.sentence.tokens;
  const before = ctx.mentions.filter((m) => m.last < trig.first);
  const subjectLike = before.filter((m) => {
    if (isInAttribution(ctx, m, trig)) return false;
    const prev = tokens[m.first - 1];
    if (prev && (prev.pos === 'ADP' || prev.lower === 'and') && prev.lower !== 'by') return false;
    const possessive = POSSESSIVE.has(tokens[m.last + 1]?.text ?? '');
    return !possessive || trig.first - m.last <= 4;
  });
  // "with Kabul firmly rejecting": an actor right before the verb is its subject
  const adjacent = before.find((m) =>
    tokens.slice(m.last + 1, trig.first).every((t) => t.pos === 'ADV' || t.pos === 'AUX'),
  );
  const found = adjacent ?? subjectLike.at(-1);
  // "…, they refused": a pronoun subject refers back, not to a nearer object
  const pronounSubject = tokens
    .slice(Math.max(0, trig.first - 3), trig.first)
    .some((t) => ['they', 'it', 'he', 'she'].includes(t.lower));
  if (found || pronounSubject) return found;
  return before.at(-1);
}

/** Agents named after a noun: "demands of X", "mediation by X", "on the part of X". */
function ofAgent(ctx: CodingContext, trig: Trigger): Mention | undefined {
  const tokens = ctx.sentence.tokens;
  for (let k = trig.last + 1; k <= trig.last + 5 && k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.pos === 'PUNCT' || t.pos === 'VERB') return undefined;
    if (['of', 'by', 'from'].includes(t.lower)) {
      const m = ctx.mentions.find(
        (x) => x.first === k + 1 || (x.first === k + 2 && tokens[k + 1]?.pos === 'DET'),
      );
      if (m) return m;
    }
  }
  return undefined;
}

/** Passive voice: a form of "be" or "get" just before the verb. */
function isPassive(ctx: CodingContext, trig: Trigger): boolean {
  const tokens = ctx.sentence.tokens;
  for (let k = trig.first - 1; k >= Math.max(0, trig.first - 3); k--) {
    const t = tokens[k]!;
    if (t.pos === 'AUX' && ['be', 'get'].includes(t.lemma)) return true;
    if (t.pos !== 'ADV' && t.pos !== 'AUX') return false;
  }
  return false;
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
  // wink-nlp's own negation flag runs to the end of the clause ("failed … despite mediation"),
  // too far for event coding: only a cue just before the event word counts.
  for (let k = trig.first - 1; k >= Math.max(0, trig.first - 3); k--) {
    const t = tokens[k]!;
    if (t.pos === 'PUNCT' || t.lower === 'but') break;
    if (cues.has(t.lower) || cues.has(t.lemma)) return true;
  }
  return false;
}

/** A plural event noun with no determiner ("attacks", "terrorist attacks"). */
export function isGenericPlural(tokens: Token[], trig: Trigger): boolean {
  const head = tokens[trig.last]!;
  if (trig.form === 'verb' || head.lower === head.lemma) return false;
  let k = trig.first - 1;
  while (k >= 0 && (tokens[k]!.pos === 'ADJ' || tokens[k]!.pos === 'NOUN')) k--;
  return tokens[k]?.pos !== 'DET';
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
  let demandClauseFrom = Infinity;
  for (const trig of triggers) {
    const negated = isNegated(ctx, trig);
    // what follows "X demanded that …" is the content of the demand, not a fact, up to a
    // clause boundary ("; but")
    const boundary = tokens
      .slice(Math.min(demandClauseFrom, trig.first), trig.first)
      .some((t) => [';', '—', '–', ':'].includes(t.text) || t.lower === 'but');
    if (trig.first > demandClauseFrom && !boundary) continue;
    const complement = tokens[trig.last + 1]?.lower;
    if (trig.event?.type === 'DEMANDED' && (complement === 'that' || complement === 'to')) {
      demandClauseFrom = trig.last;
    }
    // "these demands", "the proposal": a reference back to a demand, not a new one
    const det = tokens[trig.first - 1]?.lower ?? '';
    if (
      trig.form === 'noun' &&
      ['DEMANDED', 'COUNTERED', 'ACCEPTED'].includes(trig.event?.type ?? '') &&
      ANAPHORIC.has(det)
    ) {
      continue;
    }
    // "any attack", "if … strikes", "would strike": hypothetical incidents are not incidents;
    // "terrorist attacks" (a bare plural) is a kind of event, not one incident
    if (trig.incident && isGenericPlural(tokens, trig)) continue;
    if (
      trig.incident &&
      tokens
        .slice(Math.max(0, trig.first - 6), trig.first)
        .some((t) => MODALS.has(t.lower) || MODALS.has(t.lemma))
    ) {
      continue;
    }
    const weight = trig.event?.weight ?? 0.7;
    // agents, with how directly they were found
    let agents: Mention[] = [];
    let directness = 1;
    const passive = isPassive(ctx, trig);
    if (trig.event?.agentBy || trig.incident || passive) {
      agents = [...byAgents(ctx, trig), ...compoundAgents(ctx, trig)];
    }
    if (trig.event?.type === 'MEDIATED' || trig.event?.type === 'HOSTED') {
      agents = agents.filter((m) => !ctx.parties.has(m.actorId));
    }
    if (agents.length === 0 && trig.form === 'noun') {
      const p = possessor(ctx, trig) ?? ofAgent(ctx, trig);
      if (p) agents = [p];
    }
    if (agents.length === 0 && !passive && !trig.event?.agentBy) {
      const n = nearestBefore(ctx, trig);
      if (n) {
        agents = [n];
        directness = trig.form === 'noun' ? 0.7 : 0.85;
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
      .some((t) => ['they', 'it', 'he', 'she'].includes(t.lower));
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
    if (
      (ev.type === 'ACCUSED' || ev.type === 'BLAMED_FOR') &&
      !ctx.incidentInSentence &&
      !ctx.earlierIncident
    ) {
      // an accusation about no incident is a statement of kind accusation
      for (const a of agents) push('STATED', a, 'accusation', null, weight * directness);
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
