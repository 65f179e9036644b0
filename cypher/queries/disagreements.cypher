// @question On which facts do the reports disagree, and what does each report say?
// @column subject Id of the node the disputed fact is about
// @column property The disputed property (round, mediators, causeOfFailure…)
// @column value One report's version
// @column sources Reports stating that version
MATCH (c:Claim)-[:ABOUT]->(s)
WITH s, c.property AS property, collect(c) AS claims
WHERE size(claims) > 1
UNWIND claims AS c
RETURN s.id AS subject, property, c.value AS value, c.sourceIds AS sources
ORDER BY subject, property, value;
