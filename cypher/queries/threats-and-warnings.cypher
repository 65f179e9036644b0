// @question Which threats and warnings were made, by whom, against or about whom?
// @column kind threat or warning
// @column by Who made it
// @column about Whom or what it is about
// @column summary What was said
// @column sources Reports stating it
MATCH (s:Statement)
WHERE s.kind IN ['threat', 'warning']
RETURN s.kind AS kind,
       COLLECT { MATCH (a:Actor)-[:STATED]->(s) RETURN a.name } AS by,
       COLLECT { MATCH (s)-[:ABOUT|ADDRESSED_TO]->(x) RETURN x.id } AS about,
       s.summary AS summary,
       s.sourceIds AS sources
ORDER BY kind, summary;
