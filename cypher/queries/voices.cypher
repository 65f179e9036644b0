// @question What did a party say on the record (itself or through a person representing it), quote by quote?
// @param actor Actor id, e.g. "afghanistan" (quotes attributed to people representing it are included)
// @column voice Whom the report attributes the quote to (the actor or its representative)
// @column speaksFor The party
// @column framing on_record or confirmed
// @column source Report id
// @column quote The words of the report
// @column supports Ids of the nodes and relationships the quote is evidence for
//
// Only evidence whose voice is the party or a person representing it, framed on the record or
// as confirmed: never analysts' commentary, unnamed sources, allegations about it or the
// reporter's own framing.
MATCH (party:Actor {id: $actor})
WITH party, [party.id] + COLLECT { MATCH (p:Actor)-[:REPRESENTS]->(party) RETURN p.id } AS speakers
CALL (speakers) {
  MATCH (n:Entity) WHERE any(v IN n.voices WHERE v IN speakers)
  UNWIND range(0, size(n.quotes) - 1) AS i
  RETURN n.id AS id, n.sourceIds[i] AS source, n.quotes[i] AS quote, n.voices[i] AS voice,
         n.framings[i] AS framing
  UNION ALL
  MATCH ()-[r]->() WHERE NOT r:REPORTED_BY AND any(v IN r.voices WHERE v IN speakers)
  UNWIND range(0, size(r.quotes) - 1) AS i
  RETURN r.id AS id, r.sourceIds[i] AS source, r.quotes[i] AS quote, r.voices[i] AS voice,
         r.framings[i] AS framing
}
WITH party, voice, framing, source, quote, id
WHERE voice IN speakers AND framing IN ['on_record', 'confirmed']
RETURN voice, party.id AS speaksFor, framing, source, quote, collect(DISTINCT id) AS supports
ORDER BY source, quote;
