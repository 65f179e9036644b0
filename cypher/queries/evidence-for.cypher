// @question Every quote supporting a node and its relationships: what exactly do the reports say about it?
// @param id Node id, e.g. "istanbul-talks"
// @column fact The node itself, or a relationship as "TYPE other-node"
// @column source Report id
// @column quote The verbatim quote
MATCH (n:Entity {id: $id})
CALL (n) {
  RETURN 'node' AS fact, n.sourceIds AS sources, n.quotes AS quotes
  UNION ALL
  MATCH (n)-[r]-(other:Entity)
  WHERE type(r) <> 'REPORTED_BY'
  RETURN type(r) + ' ' + other.id AS fact, r.sourceIds AS sources, r.quotes AS quotes
}
UNWIND range(0, size(sources) - 1) AS i
RETURN fact, sources[i] AS source, quotes[i] AS quote
ORDER BY fact = 'node' DESC, fact, source;
