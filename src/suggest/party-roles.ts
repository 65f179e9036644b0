/**
 * The two parties of the talks in event coding: the other party of a demand pressed on
 * one, of an accusation with no named culprit, and who "accused each other".
 */
import type { Token } from './analyse-text.ts';
import type { CodingContext, Mention, Trigger } from './coding-context.ts';

export const reciprocal = (tokens: Token[], trig: Trigger) =>
  ['each other', 'one another'].includes(
    `${tokens[trig.last + 1]?.lower ?? ''} ${tokens[trig.last + 2]?.lower ?? ''}`,
  );

/** The other of exactly two known parties of the talks, as a mention-like reference. */
export function otherParty(ctx: CodingContext, actorId: string): Mention | undefined {
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

export function otherPartyNamedAfter(
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
export function reciprocalPair(ctx: CodingContext, trig: Trigger): Mention[] {
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
