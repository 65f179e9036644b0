// @question How are two nodes connected? Shortest paths over the facts (REPORTED_BY excluded), with the sources of every step.
// @param from Start node id, e.g. "saudi-arabia"
// @param to End node id, e.g. "ttp"
// @param maxLength Longest path to consider (1 to 6), e.g. 4
// @column length Number of relationships
// @column path The path as "id -TYPE-> id" steps (arrows show stored direction)
// @column sources Reports stating each step
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[*..6]-(b))
WHERE all(r IN relationships(p) WHERE type(r) <> 'REPORTED_BY') AND length(p) <= $maxLength
RETURN length(p) AS length,
       [r IN relationships(p) | startNode(r).id + ' -' + type(r) + '-> ' + endNode(r).id] AS path,
       [r IN relationships(p) | r.sourceIds] AS sources
ORDER BY length
LIMIT 25;
