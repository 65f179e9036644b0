// @question Which facts are stated by two or more reports (corroborated), and which by one only?
// @param minReports Smallest number of distinct reports, e.g. 2 for corroborated facts, 1 for all
// @column label Kind of node
// @column id Node id
// @column reports Number of distinct reports stating it
// @column sources The reports
MATCH (n:Entity)
WHERE NOT n:Source
WITH n, reduce(acc = [], s IN n.sourceIds | CASE WHEN s IN acc THEN acc ELSE acc + s END) AS sources
WHERE size(sources) >= $minReports
RETURN [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.id AS id, size(sources) AS reports, sources
ORDER BY reports DESC, label, id;
