// @question What did an actor demand, reject, accept, counter and state, in the order the reports establish?
// @param actor Actor id, e.g. "afghanistan" (people representing the actor are included)
// @column sequence Order established by the reports (meetings that FOLLOWED others come later); null when unplaced
// @column meeting The meeting the position is tied to, when any
// @column action DEMANDED, REJECTED, ACCEPTED, COUNTERED or STATED
// @column by Who took the position (the actor or a person representing it)
// @column what Summary of the demand or statement
// @column date The date as stated, when any
// @column sources Reports stating the position
MATCH (who:Actor)
WHERE who.id = $actor OR EXISTS { (who)-[:REPRESENTS]->(:Actor {id: $actor}) }
MATCH (who)-[r:DEMANDED|REJECTED|ACCEPTED|COUNTERED|STATED]->(x)
WITH who, r, x, head(COLLECT { MATCH (x)-[:RAISED_AT|ABOUT]->(m:Meeting) RETURN m ORDER BY m.id }) AS m
RETURN CASE WHEN m IS NULL THEN null ELSE COUNT { MATCH (m)-[:FOLLOWED*1..20]->(e:Meeting) RETURN DISTINCT e } END AS sequence,
       m.id AS meeting,
       type(r) AS action,
       who.name AS by,
       x.summary AS what,
       x.dateText AS date,
       r.sourceIds AS sources
ORDER BY sequence, meeting, action, what;
