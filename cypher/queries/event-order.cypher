// @question In what order did events happen, as far as the reports state it (no calendar day guessed)?
// @column group Events linked by ordering edges share a group (named after its first id); ranks compare only within a group; null when no report places the event
// @column rank Earliest place in its group consistent with every stated ordering edge; equal ranks are not ordered against each other
// @column rankEnd Place of the event's end (a meeting's end comes after everything that happened during it)
// @column kind Meeting, Incident, Statement or Position
// @column id Event id
// @column what Name or summary
// @column placedBy Stated ordering edges that fix the rank (empty when nothing is stated before it)
// @column quotes The words of the reports that state those edges
// @column conflicts Stated ordering edges that no order can satisfy (reports disagree): those on a cycle through this event, and those of its edges the ranks still violate
//
// How: each event has a start and an end point. A OCCURRED_BEFORE B means end(A) < start(B);
// A FOLLOWED B means end(B) < start(A); A OCCURRED_DURING B means start(B) ≤ start(A) and
// end(A) ≤ end(B). Ranks are longest paths over these constraints (Bellman–Ford on lists,
// bounded by the number of constraints), so every stated edge holds unless the reports
// contradict each other; then the edges still violated are listed in `conflicts`.
MATCH (e:Entity)
WHERE e:Meeting OR e:Incident OR e:Statement OR e:Position
WITH collect(e) AS events
WITH events, [e IN events | e.id] AS ids, size(events) AS n
CALL (ids, n) {
  MATCH (a:Entity)-[r:OCCURRED_BEFORE|FOLLOWED|OCCURRED_DURING]->(b:Entity)
  WITH ids, n, r,
       [i IN range(0, n - 1) WHERE ids[i] = a.id][0] AS ia,
       [i IN range(0, n - 1) WHERE ids[i] = b.id][0] AS ib
  WHERE ia IS NOT NULL AND ib IS NOT NULL
  UNWIND CASE type(r)
           WHEN 'OCCURRED_BEFORE' THEN [[n + ia, ib, 1]]
           WHEN 'FOLLOWED' THEN [[n + ib, ia, 1]]
           ELSE [[ib, ia, 0], [n + ia, n + ib, 0]]
         END AS c
  RETURN collect(c + [r.id]) AS stated
}
WITH events, n, stated, stated + [i IN range(0, n - 1) | [i, n + i, 0, null]] AS cs
WITH events, n, stated, cs,
     [p IN range(0, 2 * n - 1) | [c IN cs WHERE c[1] = p]] AS incoming
WITH events, n, stated, incoming,
     reduce(rk = [p IN range(0, 2 * n - 1) | 0], step IN range(0, size(cs)) |
       [p IN range(0, 2 * n - 1) |
         reduce(best = rk[p], c IN incoming[p] |
           CASE WHEN rk[c[0]] + c[2] > best THEN rk[c[0]] + c[2] ELSE best END)]) AS rk
WITH events, n, rk, incoming, [c IN stated WHERE rk[c[1]] < rk[c[0]] + c[2] | c[3]] AS violated
UNWIND range(0, n - 1) AS i
WITH events[i] AS e, rk[i] AS rank, rk[n + i] AS rankEnd, violated,
     [c IN incoming[i] WHERE c[3] IS NOT NULL AND rk[i] > 0 AND rk[c[0]] + c[2] = rk[i] | c[3]] AS placedBy
WITH e, rank, rankEnd, placedBy, violated,
     COLLECT { MATCH (e)-[:OCCURRED_BEFORE|FOLLOWED|OCCURRED_DURING*1..12]-(x:Entity)
               RETURN DISTINCT x.id AS id UNION RETURN e.id AS id } AS linked
WITH e, rank, rankEnd, placedBy, violated,
     CASE WHEN size(linked) > 1 THEN reduce(m = e.id, x IN linked | CASE WHEN x < m THEN x ELSE m END) END AS group
RETURN group,
       CASE WHEN group IS NULL THEN null ELSE rank END AS rank,
       CASE WHEN group IS NULL THEN null ELSE rankEnd END AS rankEnd,
       [l IN labels(e) WHERE l <> 'Entity'][0] AS kind,
       e.id AS id,
       coalesce(e.name, e.summary) AS what,
       placedBy,
       COLLECT { MATCH ()-[r:OCCURRED_BEFORE|FOLLOWED|OCCURRED_DURING]-() WHERE r.id IN placedBy
                 UNWIND r.quotes AS q RETURN DISTINCT q } AS quotes,
       COLLECT {
         MATCH (e)-[r:OCCURRED_BEFORE|FOLLOWED|OCCURRED_DURING]-() WHERE r.id IN violated RETURN r.id AS id
         UNION
         MATCH (e)((x)-[r:OCCURRED_BEFORE|FOLLOWED]-(y)
                   WHERE (r:OCCURRED_BEFORE AND startNode(r) = x) OR (r:FOLLOWED AND endNode(r) = x)){1,8}(e)
         UNWIND r AS edge RETURN edge.id AS id
       } AS conflicts
ORDER BY group, rank, rankEnd, kind, id;
