/**
 * Codes one sentence's lexicon triggers into candidate relationships of the graph's own
 * types. Events that are not facts are dropped (event-filters.ts: hypothetical, appositive,
 * not an actual incident; negated ones are kept, marked). The agent is found
 * (find-agents.ts), in order: "<event> by X" and "X-mediated" for agentBy entries and
 * passives, a possessive or "of X" after a noun, the subject of a light verb (nouns) or of
 * the verb, the speaker of an attribution, a definite description ("the group") or a
 * pronoun referring back (lower confidence). Parties are never mediators, the addressee of
 * a demand never its agent. Incidents: CARRIED_OUT in the reporter's voice, BLAMED_FOR
 * (blamedBy the voice) plus ACCUSED when another party says so; accusations and blame of
 * an incident, passive ("X was blamed by Y") and reciprocal ("accused each other") too.
 */
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
import {
  isAppositive,
  isActualIncident,
  isHypothetical,
  isNegated,
  isPassive,
} from './event-filters.ts';
import { otherParty, otherPartyNamedAfter, reciprocal, reciprocalPair } from './party-roles.ts';
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

const ANAPHORIC = new Set(['these', 'those', 'the', 'this', 'that', 'such', 'its', 'their']);
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

function firstAfter(ctx: CodingContext, trig: Trigger): Mention | undefined {
  return ctx.mentions.find((m) => m.first > trig.last && m.first <= trig.last + 4);
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
