/**
 * Codes one sentence's lexicon triggers into candidate relationships of the graph's own
 * types. The agent of an event is found, in order: "<event> by X" (and "X-mediated") for
 * entries with agentBy, a possessive or adjective before a noun ("Pakistan's demands",
 * "Afghan refusal"), the nearest actor mention before a verb, else the last actor of the
 * previous sentences (lower confidence). Incidents: CARRIED_OUT in the reporter's voice,
 * BLAMED_FOR (blamedBy the voice) plus ACCUSED when another party says so.
 */
import type { Token } from './analyse-text.ts';
import type { CodingContext, Mention, Trigger } from './coding-context.ts';
import {
  addressee,
  byAgents,
  compoundAgents,
  hasPossessivePronoun,
  lightVerbSubject,
  nearestBefore,
  ofAgent,
  possessor,
  PRONOUNS,
} from './find-agents.ts';
import type { NodeRef, SuggestedRelationshipType } from './suggestion-types.ts';

export type { CodingContext };

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
/** Modals that make an event hypothetical or future ("would reject", "may demand"). */
const EVENT_MODALS = new Set(['will', 'would', 'could', 'may', 'might', 'can', 'should', 'if']);
/** Definite descriptions that refer back to an actor of a kind ("the group denied…"). */
const DESCRIPTIONS: Record<string, string[]> = {
  group: ['armed_group', 'organization'],
  militants: ['armed_group'],
  movement: ['armed_group'],
  organisation: ['organization', 'armed_group'],
  organization: ['organization', 'armed_group'],
  government: ['government', 'state'],
  country: ['state', 'government'],
};

function clauseText(ctx: CodingContext, from: number): string {
  const tokens = ctx.sentence.tokens;
  const at = Math.min(from, tokens.length - 1);
  const start = tokens[at]!.start;
  let last = at;
  while (last + 1 < tokens.length && ![';', '.', '!', '?'].includes(tokens[last + 1]!.text)) last++;
  return ctx.text.slice(start, tokens[last]!.end).trim();
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

/**
 * A hypothetical or future event: a modal or "if" just before the event word in its clause
 * ("would reject", "if Kabul refuses"), or a gerund that is the subject of a modal
 * ("rejecting the conditions may reinforce…").
 */
function isHypothetical(ctx: CodingContext, trig: Trigger): boolean {
  const tokens = ctx.sentence.tokens;
  for (let k = trig.first - 1; k >= Math.max(0, trig.first - 4); k--) {
    const t = tokens[k]!;
    if (t.pos === 'PUNCT' || ['but', 'and', 'that'].includes(t.lower)) break;
    if (EVENT_MODALS.has(t.lower)) return true;
  }
  const head = tokens[trig.first]!;
  const opensClause = trig.first === 0 || tokens[trig.first - 1]!.pos === 'PUNCT';
  if (trig.form === 'verb' && head.lower.endsWith('ing') && opensClause) {
    for (let k = trig.last + 1; k < tokens.length; k++) {
      const t = tokens[k]!;
      if ([';', '.', '—'].includes(t.text)) break;
      if (t.pos === 'AUX' && EVENT_MODALS.has(t.lower)) return true;
    }
  }
  return false;
}

/** A demand noun in apposition restates the demand just told ("…—a condition Kabul dismissed"). */
function isAppositive(tokens: Token[], trig: Trigger): boolean {
  let k = trig.first - 1;
  while (k >= 0 && (tokens[k]!.pos === 'ADJ' || tokens[k]!.pos === 'ADV')) k--;
  if (!['a', 'an'].includes(tokens[k]?.lower ?? '')) return false;
  return [',', '—', '–', '-'].includes(tokens[k - 1]?.text ?? '');
}

/** "the group", "the government": the last actor of that kind named before. */
function describedActor(ctx: CodingContext, trig: Trigger): Mention | undefined {
  const tokens = ctx.sentence.tokens;
  for (let k = trig.first - 1; k >= Math.max(1, trig.first - 3); k--) {
    const kinds = DESCRIPTIONS[tokens[k]!.lower];
    if (!kinds || tokens[k - 1]?.lower !== 'the') continue;
    const before = [...ctx.earlier, ...ctx.mentions.filter((m) => m.last < k - 1)];
    return before.reverse().find((m) => kinds.includes(ctx.actorKind(m.actorId)));
  }
  return undefined;
}

/**
 * An incident word that tells of one incident that happened: not a kind of event ("terrorist
 * attacks", a bare plural), not hypothetical ("any attack", "if … strikes", "would
 * strike"), not intended ("claiming to target", "plans to strike").
 */
export function isActualIncident(tokens: Token[], trig: Trigger): boolean {
  if (isGenericPlural(tokens, trig)) return false;
  if (
    tokens
      .slice(Math.max(0, trig.first - 6), trig.first)
      .some((t) => MODALS.has(t.lower) || MODALS.has(t.lemma))
  )
    return false;
  return !(trig.form === 'verb' && tokens[trig.first - 1]?.lower === 'to');
}

/** A plural event noun with no determiner ("attacks", "terrorist attacks"). */
export function isGenericPlural(tokens: Token[], trig: Trigger): boolean {
  const head = tokens[trig.last]!;
  if (trig.form === 'verb') return false;
  // the model leaves some plurals unlemmatised ("airstrikes")
  const plural = head.lower !== head.lemma || (/[^s]s$/.test(head.lower) && head.lower.length > 4);
  if (!plural) return false;
  let k = trig.first - 1;
  while (k >= 0 && (tokens[k]!.pos === 'ADJ' || tokens[k]!.pos === 'NOUN')) k--;
  return tokens[k]?.pos !== 'DET';
}

const reciprocal = (tokens: Token[], trig: Trigger) =>
  ['each other', 'one another'].includes(
    `${tokens[trig.last + 1]?.lower ?? ''} ${tokens[trig.last + 2]?.lower ?? ''}`,
  );

/** The other of exactly two known parties of the talks, as a mention-like reference. */
function otherParty(ctx: CodingContext, actorId: string): Mention | undefined {
  if (ctx.parties.size !== 2 || !ctx.parties.has(actorId)) return undefined;
  const id = [...ctx.parties].find((p) => p !== actorId)!;
  return [...ctx.mentions, ...ctx.earlier].find((m) => m.actorId === id) ?? partyRef(ctx, id);
}

/** A reference to a party not named in this sentence (no span of its own). */
function partyRef(ctx: CodingContext, actorId: string): Mention {
  const s = ctx.sentence;
  return {
    actorId,
    name: ctx.actorName(actorId),
    resolvedBy: 'name',
    start: s.start,
    end: s.start,
    first: -1,
    last: -1,
  };
}

function otherPartyNamedAfter(
  ctx: CodingContext,
  trig: Trigger,
  accuser: Mention,
): Mention | undefined {
  const other = otherParty(ctx, accuser.actorId);
  if (!other) return undefined;
  return ctx.mentions.find((m) => m.actorId === other.actorId && m.first > trig.last);
}

/**
 * Who "accused each other": a coordinated subject ("Karvia and Tamaran blamed each
 * other"), else "both sides" / "the two sides" as the two parties of the talks, else the
 * last two actors named.
 */
function reciprocalPair(ctx: CodingContext, trig: Trigger): Mention[] {
  const tokens = ctx.sentence.tokens;
  const before = ctx.mentions.filter((m) => m.last < trig.first);
  const b = before.at(-1);
  const a = before.at(-2);
  if (a && b && tokens[b.first - 1]?.lower === 'and' && a.last === b.first - 2) return [a, b];
  const words = tokens.slice(0, trig.first).map((t) => t.lower);
  const sides = words.some(
    (w, k) =>
      ['both', 'two'].includes(w) && ['sides', 'parties', 'countries'].includes(words[k + 1] ?? ''),
  );
  if (sides && ctx.parties.size === 2) return [...ctx.parties].map((id) => partyRef(ctx, id));
  return [
    ...new Map([...ctx.earlier, ...ctx.mentions].reverse().map((m) => [m.actorId, m])).values(),
  ].slice(0, 2);
}

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
    // "…, a condition Kabul rejected": an appositive restates the demand just told and ends
    // its content; what follows is a fact again
    if (
      trig.form === 'noun' &&
      ['DEMANDED', 'COUNTERED', 'ACCEPTED'].includes(trig.event?.type ?? '') &&
      isAppositive(tokens, trig)
    ) {
      demandClauseFrom = Infinity;
      continue;
    }
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
    // "these demands", "the proposal": a reference back to a demand, not a new one; but "its
    // demand for …", "their insistence that …" state the demand of the clause's subject
    const det = tokens[trig.first - 1]?.lower ?? '';
    const ownDemand =
      hasPossessivePronoun(ctx, trig) &&
      ['for', 'that', 'to', 'of'].includes(tokens[trig.last + 1]?.lower ?? '');
    if (
      trig.form === 'noun' &&
      ['DEMANDED', 'COUNTERED', 'ACCEPTED'].includes(trig.event?.type ?? '') &&
      ANAPHORIC.has(det) &&
      !ownDemand
    ) {
      continue;
    }
    if (trig.incident && !isActualIncident(tokens, trig)) continue;
    if (trig.event && isHypothetical(ctx, trig)) continue;
    const weight = trig.event?.weight ?? 0.7;
    // agents, with how directly they were found
    let agents: Mention[] = [];
    let directness = 1;
    const passive = isPassive(ctx, trig);
    if (trig.event?.agentBy || trig.incident || passive) {
      agents = [...byAgents(ctx, trig), ...compoundAgents(ctx, trig)];
    }
    if (agents.length === 0 && trig.form === 'noun') {
      const p = possessor(ctx, trig) ?? ofAgent(ctx, trig);
      if (p) agents = [p];
    }
    // an agentBy verb in the active voice ("Dalmar has brokered a truce", "Solvane, which
    // brokered…") has its subject as agent, like any verb; a participle after a noun ("talks
    // mediated last year") has none
    const prevWord = tokens[trig.first - 1];
    const activeAgentBy =
      trig.form === 'verb' &&
      tokens[trig.last + 1]?.lower !== 'by' &&
      (prevWord?.pos === 'AUX' ||
        ['which', 'who', 'that'].includes(prevWord?.lower ?? '') ||
        ctx.mentions.some((m) => m.last === trig.first - 1));
    if (agents.length === 0 && !passive && (!trig.event?.agentBy || activeAgentBy)) {
      // an event noun's agent is the subject of a light verb ("X made a demand"), or of the
      // clause when a possessive pronoun refers to it ("Lunsk refused to drop its demand")
      const n =
        trig.form === 'noun'
          ? ownDemand
            ? nearestBefore(ctx, trig)
            : lightVerbSubject(ctx, trig)
          : nearestBefore(ctx, trig);
      if (n) {
        agents = [n];
        directness = trig.form === 'noun' ? 0.7 : 0.85;
      }
    }
    if (
      agents.length === 0 &&
      ctx.framing.voice?.actorId &&
      trig.event?.type !== 'MEDIATED' &&
      trig.form !== 'noun'
    ) {
      const v = ctx.mentions.find((m) => m.actorId === ctx.framing.voice?.actorId);
      if (v) {
        agents = [v];
        directness = 0.7;
      }
    }
    // a pronoun subject ("it rejected", "they warned") refers back to the last actor named;
    // a definite description ("the group denied") to the last actor of its kind
    const pronoun = tokens
      .slice(Math.max(0, trig.first - 3), trig.first)
      .some((t) => PRONOUNS.has(t.lower));
    const described = agents.length === 0 && !trig.incident ? describedActor(ctx, trig) : undefined;
    if (described) {
      agents = [described];
      directness = 0.6;
    } else if (
      agents.length === 0 &&
      pronoun &&
      !trig.incident &&
      trig.form !== 'noun' &&
      ctx.earlier.length > 0
    ) {
      agents = [ctx.earlier.at(-1)!];
      directness = 0.55;
    }
    // the parties of the talks are never their mediators or hosts
    if (trig.event?.type === 'MEDIATED' || trig.event?.type === 'HOSTED') {
      agents = agents.filter((m) => !ctx.parties.has(m.actorId));
    }
    // whom a demand is addressed to does not make it: in talks between two parties, a demand
    // pressed on one of them ("pressing for Islamabad to cease…") is the other's
    if (trig.event?.type === 'DEMANDED') {
      const to = addressee(ctx, trig);
      if (to && agents.some((m) => m.actorId === to.actorId)) {
        agents = agents.filter((m) => m.actorId !== to.actorId);
        const other = otherParty(ctx, to.actorId);
        if (agents.length === 0 && other) {
          agents = [other];
          directness = 0.55;
        }
      }
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
      const [a, b] = reciprocalPair(ctx, trig);
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
    // an accusation is about an incident when the sentence names one, or refers back to the
    // one the previous sentence named ("blamed each other for it")
    const refersBack = tokens.slice(trig.last + 1).some((t) => ['it', 'this'].includes(t.lower));
    if (
      (ev.type === 'ACCUSED' || ev.type === 'BLAMED_FOR') &&
      !ctx.incidentInSentence &&
      !(ctx.earlierIncident && refersBack)
    ) {
      // an accusation about no incident is a statement of kind accusation
      for (const a of agents) push('STATED', a, 'accusation', null, weight * directness);
      continue;
    }
    if (ev.type === 'ACCUSED' || ev.type === 'BLAMED_FOR') {
      // "X was blamed by Y for …": Y accuses, X is blamed
      let accusers = agents;
      let patient = firstAfter(ctx, trig);
      if (passive) {
        const subject = nearestBefore(ctx, trig);
        patient =
          subject && !accusers.some((m) => m.actorId === subject.actorId) ? subject : undefined;
      }
      if (accusers.length === 0 && passive && ctx.framing.voice?.actorId) {
        const v = ctx.mentions.find((m) => m.actorId === ctx.framing.voice?.actorId);
        accusers = v ? [v] : [];
      }
      for (const a of accusers) {
        // "Afghan officials condemned the shelling … Pakistan's commitment": with no named
        // culprit, a party accusing blames the other party when the sentence names it
        const blamed =
          patient && patient.actorId !== a.actorId ? patient : otherPartyNamedAfter(ctx, trig, a);
        if (ev.type === 'ACCUSED') push('ACCUSED', a, null, null, weight * directness);
        if (blamed)
          push(
            'BLAMED_FOR',
            blamed,
            null,
            a.actorId,
            weight * directness * (blamed === patient ? 1 : 0.7),
          );
        else if (ev.type === 'BLAMED_FOR' && !passive)
          push(
            'BLAMED_FOR',
            a,
            null,
            ctx.framing.voice?.actorId ?? null,
            weight * directness * 0.8,
          );
      }
      if (passive && accusers.length === 0 && patient)
        push('BLAMED_FOR', patient, null, null, weight * 0.6);
      continue;
    }
    for (const a of agents) push(ev.type, a, ev.kind ?? null, null, weight * directness);
  }
  return out;
}
