// @question What does each report contribute: how many nodes it states, and how many no other report states?
// @column report Source id
// @column outlet Outlet, when the report names one
// @column nodes Nodes the report states
// @column exclusive Nodes stated by this report only
MATCH (s:Source)
RETURN s.id AS report,
       s.outlet AS outlet,
       COUNT { (n:Entity)-[:REPORTED_BY]->(s) } AS nodes,
       COUNT { MATCH (n:Entity)-[:REPORTED_BY]->(s) WHERE all(x IN n.sourceIds WHERE x = s.id) } AS exclusive
ORDER BY report;
