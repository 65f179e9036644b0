// @question Which demands got no recorded response (no rejection, acceptance or counter)?
// @column demand Demand id
// @column by Who made it
// @column of Of whom it was asked
// @column issue Issue it concerns
// @column sources Reports stating the demand
MATCH (d:Demand)
WHERE NOT EXISTS { (d)<-[:REJECTED|ACCEPTED|COUNTERED]-() }
RETURN d.id AS demand,
       COLLECT { MATCH (a:Actor)-[:DEMANDED]->(d) RETURN a.id } AS by,
       COLLECT { MATCH (d)-[:ADDRESSED_TO]->(a:Actor) RETURN a.id } AS of,
       d.issue AS issue,
       d.sourceIds AS sources
ORDER BY demand;
