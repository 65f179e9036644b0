// @question For two actors A and B: which demands did A address to B, and how did B respond (rejected, accepted, countered, or no recorded response)?
// @param a Actor id of the side making demands, e.g. "pakistan" (demands of people representing it count, named in `madeBy`)
// @param b Actor id of the side receiving them, e.g. "afghanistan" (responses of people representing it count)
// @column demand Demand id
// @column madeBy Who made it: A or a person representing A (Khawaja Asif for Pakistan)
// @column issue Issue the demand concerns
// @column response REJECTED, ACCEPTED, COUNTERED or "none recorded"
// @column respondedBy Who responded: B or a person representing B
// @column reason Reason given for the response, as reported
// @column sources Reports stating the response (or the demand, when there is none)
MATCH (:Actor {id: $a})<-[:REPRESENTS*0..1]-(by:Actor)-[:DEMANDED]->(d:Demand)
WHERE EXISTS { (d)-[:ADDRESSED_TO]->(:Actor {id: $b}) }
OPTIONAL MATCH (:Actor {id: $b})<-[:REPRESENTS*0..1]-(resp:Actor)-[r:REJECTED|ACCEPTED|COUNTERED]->(d)
RETURN d.id AS demand,
       by.name AS madeBy,
       d.issue AS issue,
       coalesce(type(r), 'none recorded') AS response,
       resp.name AS respondedBy,
       r.reason AS reason,
       coalesce(r.sourceIds, d.sourceIds) AS sources
ORDER BY response, demand;
