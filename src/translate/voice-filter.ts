/**
 * Filters on whom a report attributes a quote to (`voices[i]`) and how it frames it
 * (`framings[i]`): "only on-the-record statements by the parties". A node or relationship
 * passes when ONE of its quotes passes every given condition. Analysts, unnamed sources and
 * the reporter's narration are voices that are no actor, so `actorsOnly` drops them.
 */
import Cypher from '@neo4j/cypher-builder';

import { listAt, listOrEmpty, literal, param } from './cypher-values.ts';

type Maybe<T> = T | null | undefined;

export interface VoiceFilter {
  /** Stored framings (`on_record`…); the quote's framing is one of them. */
  framing?: Maybe<readonly string[]>;
  /** Actor id: the quote's voice is this actor or a person representing it. */
  speaker?: Maybe<string>;
  /** The quote's voice is an actor (a party or its representative), not the report's words. */
  actorsOnly?: Maybe<boolean>;
}

export const hasVoiceFilter = (f: Maybe<VoiceFilter>): f is VoiceFilter =>
  !!f && ((f.framing?.length ?? 0) > 0 || !!f.speaker || f.actorsOnly === true);

/** The actor of `id` and the ids of those who represent it. */
export function speakersOf(id: Cypher.Expr): Cypher.Expr {
  const p = new Cypher.Node();
  return Cypher.plus(
    new Cypher.List([id]),
    new Cypher.Collect(
      new Cypher.Match(
        new Cypher.Pattern(p, { labels: 'Actor' })
          .related({ type: 'REPRESENTS' })
          .to({ labels: 'Actor', properties: { id } }),
      ).return(p.property('id')),
    ),
  );
}

/** True when one of `v`'s quotes passes the filter (undefined when it sets nothing). */
export function voicePredicate(
  f: Maybe<VoiceFilter>,
  v: Cypher.Variable,
): Cypher.Predicate | undefined {
  if (!hasVoiceFilter(f)) return undefined;
  const i = new Cypher.Variable();
  const voice = listAt(v.property('voices'), i);
  const actor = new Cypher.Node();
  const conditions = Cypher.and(
    f.framing && f.framing.length > 0
      ? Cypher.in(listAt(v.property('framings'), i), param(f.framing))
      : undefined,
    f.speaker ? Cypher.in(voice, speakersOf(param(f.speaker))) : undefined,
    f.actorsOnly
      ? new Cypher.Exists(
          new Cypher.Match(new Cypher.Pattern(actor, { labels: 'Actor' })).where(
            Cypher.eq(actor.property('id'), voice),
          ),
        )
      : undefined,
  );
  const last = Cypher.minus(Cypher.size(listOrEmpty(v.property('quotes'))), literal(1));
  return Cypher.any(i, Cypher.range(literal(0), last), conditions ?? new Cypher.Literal(true));
}
