// @question Who blames whom for which incident, and what casualties are reported?
// @column accuser Actor doing the blaming, else whom the report attributes the blame to ("Afghan provincial sources")
// @column blamed Actor blamed
// @column incident Incident id
// @column killed Killed, as reported
// @column injured Injured, as reported
// @column sources Reports stating the blame
MATCH (blamed:Actor)-[b:BLAMED_FOR]->(i:Incident)
OPTIONAL MATCH (accuser:Actor {id: b.blamedBy})
RETURN coalesce(accuser.name, head(b.voices)) AS accuser, blamed.name AS blamed, i.id AS incident, i.killed AS killed, i.injured AS injured, b.sourceIds AS sources
ORDER BY incident, accuser;
