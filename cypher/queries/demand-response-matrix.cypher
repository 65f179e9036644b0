// @question For two actors A and B: which demands did A address to B, and how did B respond (rejected, accepted, countered, or no recorded response)?
// @param a Actor id of the side making demands, e.g. "pakistan"
// @param b Actor id of the side receiving them, e.g. "afghanistan"
// @column demand Demand id
// @column issue Issue the demand concerns
// @column response REJECTED, ACCEPTED, COUNTERED or "none recorded"
// @column reason Reason given for the response, as reported
// @column sources Reports stating the response (or the demand, when there is none)
MATCH (a:Actor {id: $a})-[:DEMANDED]->(d:Demand)-[:ADDRESSED_TO]->(b:Actor {id: $b})
OPTIONAL MATCH (b)-[r:REJECTED|ACCEPTED|COUNTERED]->(d)
RETURN d.id AS demand,
       d.issue AS issue,
       coalesce(type(r), 'none recorded') AS response,
       r.reason AS reason,
       coalesce(r.sourceIds, d.sourceIds) AS sources
ORDER BY response, demand;
