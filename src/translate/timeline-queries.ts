/**
 * `timeline` and `positions`: events (meetings, incidents, statements, positions — roles and
 * stances) in the order the reports state, each as one Cypher query returning one row with
 * column `result`. Ranks come from event-ranks.ts (the same order as
 * cypher/queries/event-order.cypher); each entry names the stated ordering edges that fix
 * its rank, with their evidence, and the edges the reports contradict.
 */
import Cypher from '@neo4j/cypher-builder';
import type { FieldNode, GraphQLResolveInfo } from 'graphql';

import { ROLE_STANCES } from '../model/enums.ts';
import { listAt, literal, param } from './cypher-values.ts';
import { eventRanks, orderTypes, placedByIds, type EventRanks } from './event-ranks.ts';
import {
  dateExpression,
  evidenceExpression,
  projectComputed,
  projectNode,
  type ProjectionContext,
} from './project-selection.ts';
import { render, rootTranslation, type CypherQuery } from './translation-context.ts';
import { voicePredicate, type VoiceFilter } from './voice-filter.ts';

type Maybe<T> = T | null | undefined;

/** The actor of `id`, or a person or body representing it (REPRESENTS), as a pattern start. */
const actorOrRepresentative = (id: Cypher.Param) =>
  new Cypher.Pattern({ labels: 'Actor', properties: { id } })
    .related({ type: 'REPRESENTS', direction: 'left', length: { min: 0, max: 1 } })
    .to({ labels: 'Actor' });

/** Involvement: any fact (not REPORTED_BY) linking the event to the actor or to someone representing it. */
function involves(v: Cypher.Node, actorId: string): Cypher.Predicate {
  const id = param(actorId);
  const rel = new Cypher.Relationship();
  const a = new Cypher.Node();
  const represents = new Cypher.Pattern(a)
    .related({ type: 'REPRESENTS' })
    .to({ labels: 'Actor', properties: { id } });
  return new Cypher.Exists(
    new Cypher.Match(
      new Cypher.Pattern(v).related(rel, { direction: 'undirected' }).to(a, { labels: 'Actor' }),
    ).where(
      Cypher.and(
        Cypher.neq(Cypher.type(rel), literal('REPORTED_BY')),
        Cypher.or(Cypher.eq(a.property('id'), id), new Cypher.Exists(represents)),
      ),
    ),
  );
}

/** The stated ordering edges whose ids are in `ids`, as OrderingLink maps. */
function orderingLinks(ctx: ProjectionContext, ids: Cypher.Expr, parents: FieldNode[]) {
  const s = new Cypher.Node();
  const t = new Cypher.Node();
  const r = new Cypher.Relationship();
  const link = projectComputed(ctx, 'OrderingLink', parents, {
    id: () => r.property('id'),
    type: () => Cypher.type(r),
    from: (f) => projectNode(ctx, 'Node', s, f),
    to: (f) => projectNode(ctx, 'Node', t, f),
    note: () => r.property('note'),
    days: () => r.property('days'),
    evidence: (f) => evidenceExpression(ctx, r, f),
  });
  return new Cypher.Collect(
    new Cypher.Match(
      new Cypher.Pattern(s, { labels: 'Entity' })
        .related(r, { type: orderTypes() })
        .to(t, { labels: 'Entity' }),
    )
      .where(Cypher.in(r.property('id'), ids))
      .return([link, 'x'])
      .orderBy([r.property('id'), 'ASC']),
  );
}

/** The place of one event in the order: the fields TimelineEntry and PositionEntry share. */
interface Placed {
  v: Cypher.Node;
  rank: Cypher.Variable;
  rankEnd: Cypher.Variable;
  group: Cypher.Variable;
  placedBy: Cypher.Variable;
  conflicts: Cypher.Variable;
}

/**
 * UNWIND the ranked events, keep those `keep` accepts, and bind each one's rank, end rank,
 * group (events linked by ordering edges; null and no rank when no report places it),
 * placing edges and conflicting edges; ordered by rank (unplaced last), then id.
 */
function placeEvents(ranks: EventRanks, keep: (v: Cypher.Node) => Cypher.Predicate | undefined) {
  const k = new Cypher.Variable();
  const v = new Cypher.Node();
  const start = new Cypher.Variable();
  const end = new Cypher.Variable();
  const placedAll = new Cypher.Variable();
  const first = new Cypher.Node();
  const degree = new Cypher.Variable();
  const r = new Cypher.Relationship();
  const m = new Cypher.Variable();
  const id = new Cypher.Variable();
  const placed: Placed = {
    v,
    rank: new Cypher.Variable(),
    rankEnd: new Cypher.Variable(),
    group: new Cypher.Variable(),
    placedBy: new Cypher.Variable(),
    conflicts: new Cypher.Variable(),
  };
  const incident = new Cypher.Collect(
    new Cypher.Match(
      new Cypher.Pattern(v).related(r, { type: orderTypes(), direction: 'undirected' }).to(),
    ).return(r.property('id')),
  );
  const ifPlaced = (expr: Cypher.Expr) =>
    new Cypher.Case().when(Cypher.isNull(placed.group)).then(Cypher.Null).else(expr);
  const clause = ranks.clause
    .unwind([Cypher.range(literal(0), Cypher.minus(ranks.n, literal(1))), k])
    .with(
      [listAt(ranks.events, k), v],
      [listAt(ranks.rk, k), start],
      [listAt(ranks.rk, Cypher.plus(ranks.n, k)), end],
      [placedByIds(ranks, k), placedAll],
      ranks.violated,
      [listAt(ranks.events, listAt(ranks.component, k)), first],
      [Cypher.size(listAt(ranks.adjacent, k)), degree],
    )
    .where(keep(v))
    .with(
      v,
      start,
      end,
      placedAll,
      ranks.violated,
      [incident, id],
      [
        new Cypher.Case()
          .when(Cypher.eq(degree, literal(0)))
          .then(Cypher.Null)
          .else(first.property('id')),
        placed.group,
      ],
    )
    .with(
      v,
      placed.group,
      [ifPlaced(start), placed.rank],
      [ifPlaced(end), placed.rankEnd],
      [placedAll, placed.placedBy],
      [
        new Cypher.ListComprehension(m).in(id).where(Cypher.in(m, ranks.violated)),
        placed.conflicts,
      ],
    )
    .orderBy(
      [Cypher.isNull(placed.rank), 'ASC'],
      [placed.rank, 'ASC'],
      [placed.rankEnd, 'ASC'],
      [v.property('id'), 'ASC'],
    );
  return { clause, placed };
}

/** Builders for the fields of an entry that say where it is placed. */
const placementFields = (ctx: ProjectionContext, p: Placed) => ({
  rank: () => p.rank,
  sequence: () => p.rank,
  rankEnd: () => p.rankEnd,
  group: () => p.group,
  date: (s: FieldNode[]) => dateExpression(ctx, p.v, 'date', s),
  placedBy: (s: FieldNode[]) => orderingLinks(ctx, p.placedBy, s),
  conflicts: (s: FieldNode[]) => orderingLinks(ctx, p.conflicts, s),
});

export interface TimelineArgs {
  actor?: Maybe<string>;
  otherActor?: Maybe<string>;
  voice?: Maybe<VoiceFilter>;
}

export function translateTimeline(args: TimelineArgs, info: GraphQLResolveInfo): CypherQuery {
  const { ctx, root } = rootTranslation(info);
  const { clause, placed } = placeEvents(eventRanks(), (v) =>
    Cypher.and(
      args.actor ? involves(v, args.actor) : undefined,
      args.otherActor ? involves(v, args.otherActor) : undefined,
      voicePredicate(args.voice, v),
    ),
  );
  const entry = projectComputed(ctx, 'TimelineEntry', root, {
    ...placementFields(ctx, placed),
    node: (s) => projectNode(ctx, 'Node', placed.v, s),
  });
  return render(clause.return([Cypher.collect(entry), 'result']));
}

export interface PositionsArgs {
  actor?: Maybe<string>;
  issue?: Maybe<readonly string[]>;
  on?: Maybe<string>;
  voice?: Maybe<VoiceFilter>;
}

export function translatePositions(args: PositionsArgs, info: GraphQLResolveInfo): CypherQuery {
  const { ctx, root } = rootTranslation(info);
  const d = new Cypher.Node();
  const target = new Cypher.Node();
  const { clause, placed } = placeEvents(eventRanks(), (v) =>
    Cypher.and(
      v.hasLabel('Position'),
      args.actor
        ? new Cypher.Exists(
            new Cypher.Match(
              actorOrRepresentative(param(args.actor)).related({ type: 'HELD' }).to(v),
            ),
          )
        : undefined,
      args.issue && args.issue.length > 0
        ? new Cypher.Exists(
            new Cypher.Match(
              new Cypher.Pattern(v).related({ type: 'ON' }).to(d, { labels: 'Demand' }),
            ).where(Cypher.in(d.property('issue'), param(args.issue))),
          )
        : undefined,
      args.on
        ? new Cypher.Exists(
            new Cypher.Pattern(v)
              .related({ type: 'ON' })
              .to(target, { labels: 'Entity', properties: { id: param(args.on) } }),
          )
        : undefined,
      voicePredicate(args.voice, v),
    ),
  );
  const holder = new Cypher.Node();
  const principal = new Cypher.Node();
  const entry = projectComputed(ctx, 'PositionEntry', root, {
    ...placementFields(ctx, placed),
    position: (s) => projectNode(ctx, 'Position', placed.v, s),
    kind: () =>
      new Cypher.Case()
        .when(Cypher.in(placed.v.property('stance'), param(ROLE_STANCES)))
        .then(literal('role'))
        .else(literal('stance')),
    for: (s) =>
      Cypher.head(
        new Cypher.Collect(
          new Cypher.Match(
            new Cypher.Pattern(placed.v)
              .related({ type: 'HELD', direction: 'left' })
              .to(holder, { labels: 'Actor' })
              .related({ type: 'REPRESENTS', length: { min: 0, max: 1 } })
              .to(principal, { labels: 'Actor' }),
          )
            .where(
              args.actor
                ? Cypher.eq(principal.property('id'), param(args.actor))
                : Cypher.not(
                    new Cypher.Exists(
                      new Cypher.Pattern(principal).related({ type: 'REPRESENTS' }).to(),
                    ),
                  ),
            )
            .return([projectNode(ctx, 'Actor', principal, s), 'x'])
            .orderBy([principal.property('id'), 'ASC']),
        ),
      ),
  });
  return render(clause.return([Cypher.collect(entry), 'result']));
}
