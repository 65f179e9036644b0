// @question What roles and stances did an actor take, and what did it demand, reject, counter and state, in the order the reports establish?
// @param actor Actor id, e.g. "turkey" (people representing the actor are included and named in `by`)
// @column rank Place in the order of events (same ranking as event-order.cypher); null when no report places it
// @column kind A Position's stance or role (facilitator, withdrew, rejected…), a Statement's kind, or DEMANDED/REJECTED/ACCEPTED/COUNTERED for a response recorded only as a relationship
// @column by Who took the position (the actor or a person representing it)
// @column on What the position is on: a demand, meeting or actor
// @column what Summary of the position, statement or demand
// @column date The date as stated, when any
// @column sources Reports stating it
// @column voices Whom each report attributes it to
// @column framings How each report frames it (on_record, reported, alleged, assessment…)
//
// A change over time (Turkey facilitating, then stepping back; at Baku, willing to continue) is
// a sequence of positions here, not a disagreement.
MATCH (e:Entity)
WHERE e:Meeting OR e:Incident OR e:Statement OR e:Position
WITH collect(e.id) AS ids
WITH ids, size(ids) AS n
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
  RETURN collect(c) AS stated
}
WITH ids, n, stated + [i IN range(0, n - 1) | [i, n + i, 0]] AS cs
WITH ids, n, cs, [p IN range(0, 2 * n - 1) | [c IN cs WHERE c[1] = p]] AS incoming
WITH ids, n, reduce(rk = [p IN range(0, 2 * n - 1) | 0], step IN range(0, size(cs)) |
       [p IN range(0, 2 * n - 1) |
         reduce(best = rk[p], c IN incoming[p] |
           CASE WHEN rk[c[0]] + c[2] > best THEN rk[c[0]] + c[2] ELSE best END)]) AS rk,
     COLLECT { MATCH (x:Entity)-[:OCCURRED_BEFORE|FOLLOWED|OCCURRED_DURING]-() RETURN DISTINCT x.id } AS placed
MATCH (who:Actor)
WHERE who.id = $actor OR EXISTS { (who)-[:REPRESENTS]->(:Actor {id: $actor}) }
CALL (who) {
  MATCH (who)-[:HELD]->(p:Position)-[:ON]->(t)
  RETURN p.id AS event, p.stance AS kind, t.id AS on, p.summary AS what, p.dateText AS date,
         p.sourceIds AS sources, p.voices AS voices, p.framings AS framings
  UNION ALL
  MATCH (who)-[:STATED]->(s:Statement)
  RETURN s.id AS event, s.kind AS kind, null AS on, s.summary AS what, s.dateText AS date,
         s.sourceIds AS sources, s.voices AS voices, s.framings AS framings
  UNION ALL
  MATCH (who)-[r:DEMANDED|REJECTED|ACCEPTED|COUNTERED]->(d:Demand)
  WHERE NOT EXISTS { (who)-[:HELD]->(:Position)-[:ON]->(d) }
  RETURN null AS event, type(r) AS kind, d.id AS on, d.summary AS what, null AS date,
         r.sourceIds AS sources, r.voices AS voices, r.framings AS framings
}
WITH who, event, kind, on, what, date, sources, voices, framings,
     CASE WHEN event IN placed THEN rk[[i IN range(0, n - 1) WHERE ids[i] = event][0]] END AS rank
RETURN rank, kind, who.name AS by, on, what, date, sources, voices, framings
ORDER BY rank, kind, on, what;
