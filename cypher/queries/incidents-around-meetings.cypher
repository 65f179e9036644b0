// @question Which incidents happened during a meeting or within N days of it (when the reports state the days), who is blamed and by whom?
// @param days Largest number of days between incident and meeting, e.g. 7
// @column incident Incident id
// @column meeting Meeting id
// @column timing OCCURRED_DURING or OCCURRED_BEFORE
// @column killed Killed, as reported (null when no figure is given)
// @column blamed Actors blamed, each with who blames them (the accusing actor, else the report's voice)
// @column sources Reports stating the incident
MATCH (i:Incident)-[t:OCCURRED_DURING|OCCURRED_BEFORE]->(m:Meeting)
WHERE type(t) = 'OCCURRED_DURING' OR t.days <= $days
RETURN i.id AS incident,
       m.id AS meeting,
       type(t) AS timing,
       i.killed AS killed,
       COLLECT { MATCH (a:Actor)-[b:BLAMED_FOR]->(i) RETURN a.name + ' (by ' + coalesce(b.blamedBy, head(b.voices)) + ')' } AS blamed,
       i.sourceIds AS sources
ORDER BY meeting, incident;
