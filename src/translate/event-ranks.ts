/**
 * The order of events as the reports state it, as Cypher: every event (Meeting, Incident,
 * Statement, Position) gets the earliest rank consistent with every stated ordering edge,
 * exactly as cypher/queries/event-order.cypher computes it. No calendar day is guessed.
 *
 * Each event has a start point `i` and an end point `n + i`. A OCCURRED_BEFORE B means
 * end(A) < start(B); A FOLLOWED B means end(B) < start(A); A OCCURRED_DURING B means
 * start(B) ≤ start(A) and end(A) ≤ end(B). Ranks are longest paths over these constraints
 * (Bellman–Ford on lists, bounded by the number of constraints), so every stated edge holds
 * unless reports contradict each other; the edges still violated are then `violated`.
 * A constraint is the list `[from point, to point, weight, relationship id]`.
 */
import Cypher from '@neo4j/cypher-builder';

import { EVENT_LABELS } from '../model/node-kinds.ts';
import { ORDER_TYPES } from '../model/relationships.ts';
import { listAt, literal } from './cypher-values.ts';

/** The variables the ranking clauses bind, for the clauses that follow. */
export interface EventRanks {
  /** `MATCH … WITH events, n, rk, incoming, violated`: continue with `.unwind(…)`. */
  clause: Cypher.With;
  /** Every event node, in the order of their points. */
  events: Cypher.Variable;
  n: Cypher.Variable;
  /** Rank of each point: `rk[i]` the start of event i, `rk[n + i]` its end. */
  rk: Cypher.Variable;
  /** Per point, the constraints that end at it. */
  incoming: Cypher.Variable;
  /** Ids of stated edges the ranks violate (a cycle: reports contradict each other). */
  violated: Cypher.Variable;
  /** Per event, the events it shares a stated edge with (empty: no report places it). */
  adjacent: Cypher.Variable;
  /**
   * Per event, the smallest index in its group (events linked by ordering edges); events are
   * in id order, so `events[component[i]].id` is the group's first id.
   */
  component: Cypher.Variable;
}

export const orderTypes = () => Cypher.labelExpr.or(...ORDER_TYPES);
const at = (list: Cypher.Expr, i: number) => Cypher.listIndex(list, i);
const triple = (...items: Cypher.Expr[]) => new Cypher.List(items);

/** True when `v` is an event (the labels the ordering edges connect). */
export const isEvent = (v: Cypher.Node): Cypher.Predicate =>
  Cypher.or(...EVENT_LABELS.map((l) => v.hasLabel(l))) as Cypher.Predicate;

export function eventRanks(): EventRanks {
  const e = new Cypher.Node();
  const events = new Cypher.Variable();
  const ids = new Cypher.Variable();
  const n = new Cypher.Variable();
  const x = new Cypher.Variable();
  // One constraint list per stated edge between two events.
  const a = new Cypher.Node();
  const b = new Cypher.Node();
  const r = new Cypher.Relationship();
  const i = new Cypher.Variable();
  const ia = new Cypher.Variable();
  const ib = new Cypher.Variable();
  const c = new Cypher.Variable();
  const stated = new Cypher.Variable();
  const indexOf = (node: Cypher.Node) =>
    Cypher.head(
      new Cypher.ListComprehension(i)
        .in(Cypher.range(literal(0), Cypher.minus(n, literal(1))))
        .where(Cypher.eq(listAt(ids, i), node.property('id'))),
    );
  const endOf = (k: Cypher.Expr) => Cypher.plus(n, k);
  const constraints = new Cypher.Case(Cypher.type(r))
    .when(literal('OCCURRED_BEFORE'))
    .then(new Cypher.List([triple(endOf(ia), ib, literal(1))]))
    .when(literal('FOLLOWED'))
    .then(new Cypher.List([triple(endOf(ib), ia, literal(1))]))
    .else(new Cypher.List([triple(ib, ia, literal(0)), triple(endOf(ia), endOf(ib), literal(0))]));
  const statedEdges = new Cypher.Match(
    new Cypher.Pattern(a, { labels: 'Entity' })
      .related(r, { type: orderTypes() })
      .to(b, { labels: 'Entity' }),
  )
    .with(r, [indexOf(a), ia], [indexOf(b), ib])
    .where(Cypher.and(Cypher.isNotNull(ia), Cypher.isNotNull(ib)))
    .unwind([constraints, c])
    .return([Cypher.collect(Cypher.plus(c, new Cypher.List([r.property('id')]))), stated]);

  const cs = new Cypher.Variable();
  const steps = new Cypher.Variable();
  const incoming = new Cypher.Variable();
  const rk = new Cypher.Variable();
  const violated = new Cypher.Variable();
  const p = new Cypher.Variable();
  const step = new Cypher.Variable();
  const best = new Cypher.Variable();
  const points = () =>
    Cypher.range(literal(0), Cypher.minus(Cypher.multiply(literal(2), n), literal(1)));
  const via = (k: Cypher.Variable) => Cypher.plus(listAt(rk, at(k, 0)), at(k, 2));
  const relax = Cypher.reduce(
    best,
    listAt(rk, p),
    c,
    listAt(incoming, p),
    new Cypher.Case()
      .when(Cypher.gt(via(c), best))
      .then(via(c))
      .else(best),
  );
  const ranks = Cypher.reduce(
    rk,
    new Cypher.ListComprehension(p).in(points()).map(literal(0)),
    step,
    Cypher.range(literal(0), steps),
    new Cypher.ListComprehension(p).in(points()).map(relax),
  );
  const ownSpan = new Cypher.ListComprehension(i)
    .in(Cypher.range(literal(0), Cypher.minus(n, literal(1))))
    .map(triple(i, endOf(i), literal(0), Cypher.Null));

  // Groups: the smallest index reachable over stated edges (label propagation on lists).
  const adjacent = new Cypher.Variable();
  const component = new Cypher.Variable();
  const g = new Cypher.Variable();
  const j = new Cypher.Variable();
  const least = new Cypher.Variable();
  const eventOf = (point: Cypher.Expr) => Cypher.toInteger(Cypher.mod(point, n));
  const neighbours = Cypher.plus(
    new Cypher.ListComprehension(c)
      .in(stated)
      .where(Cypher.eq(eventOf(at(c, 0)), i))
      .map(eventOf(at(c, 1))),
    new Cypher.ListComprehension(c)
      .in(stated)
      .where(Cypher.eq(eventOf(at(c, 1)), i))
      .map(eventOf(at(c, 0))),
  );
  const eventIndexes = () => Cypher.range(literal(0), Cypher.minus(n, literal(1)));
  const propagate = Cypher.reduce(
    g,
    eventIndexes(),
    step,
    Cypher.range(literal(0), Cypher.size(stated)),
    new Cypher.ListComprehension(i).in(eventIndexes()).map(
      Cypher.reduce(
        least,
        listAt(g, i),
        j,
        listAt(adjacent, i),
        new Cypher.Case()
          .when(Cypher.lt(listAt(g, j), least))
          .then(listAt(g, j))
          .else(least),
      ),
    ),
  );

  const clause = new Cypher.Match(new Cypher.Pattern(e, { labels: 'Entity' }))
    .where(isEvent(e))
    .with(e)
    .orderBy([e.property('id'), 'ASC'])
    .with([Cypher.collect(e), events])
    .with(
      events,
      [new Cypher.ListComprehension(x).in(events).map(x.property('id')), ids],
      [Cypher.size(events), n],
    )
    .call(statedEdges, [ids, n])
    .with(
      events,
      n,
      stated,
      [Cypher.plus(stated, ownSpan), cs],
      [new Cypher.ListComprehension(i).in(eventIndexes()).map(neighbours), adjacent],
    )
    .with(events, n, stated, cs, adjacent, [propagate, component])
    .with(
      events,
      n,
      stated,
      adjacent,
      component,
      [Cypher.size(cs), steps],
      [
        new Cypher.ListComprehension(p)
          .in(points())
          .map(new Cypher.ListComprehension(c).in(cs).where(Cypher.eq(at(c, 1), p))),
        incoming,
      ],
    )
    .with(events, n, stated, adjacent, component, incoming, [ranks, rk])
    .with(events, n, adjacent, component, incoming, rk, [
      new Cypher.ListComprehension(c)
        .in(stated)
        .where(Cypher.lt(listAt(rk, at(c, 1)), via(c)))
        .map(at(c, 3)),
      violated,
    ]);
  return { clause, events, n, rk, incoming, violated, adjacent, component };
}

/** Ids of the stated edges that fix the start rank of event `k` (none when its rank is 0). */
export function placedByIds(ranks: EventRanks, k: Cypher.Variable): Cypher.Expr {
  const c = new Cypher.Variable();
  const own = listAt(ranks.rk, k);
  return new Cypher.ListComprehension(c)
    .in(listAt(ranks.incoming, k))
    .where(
      Cypher.and(
        Cypher.isNotNull(at(c, 3)),
        Cypher.gt(own, literal(0)),
        Cypher.eq(Cypher.plus(listAt(ranks.rk, at(c, 0)), at(c, 2)), own),
      ),
    )
    .map(at(c, 3));
}
