// @question What changed between two meetings: which parties, mediators and demands appear at one but not the other?
// @param first Id of the earlier meeting, e.g. "facilitated-rounds"
// @param second Id of the later meeting, e.g. "istanbul-talks"
// @column aspect parties, mediators or demands
// @column onlyAtFirst Present at the first meeting only
// @column onlyAtSecond Present at the second meeting only
// @column atBoth Present at both
MATCH (m1:Meeting {id: $first}), (m2:Meeting {id: $second})
WITH m1, m2,
     [['parties', COLLECT { MATCH (a:Actor)-[:ATTENDED]->(m1) RETURN a.id }, COLLECT { MATCH (a:Actor)-[:ATTENDED]->(m2) RETURN a.id }],
      ['mediators', COLLECT { MATCH (a:Actor)-[:MEDIATED]->(m1) RETURN a.id }, COLLECT { MATCH (a:Actor)-[:MEDIATED]->(m2) RETURN a.id }],
      ['demands', COLLECT { MATCH (d:Demand)-[:RAISED_AT]->(m1) RETURN d.id }, COLLECT { MATCH (d:Demand)-[:RAISED_AT]->(m2) RETURN d.id }]] AS aspects
UNWIND aspects AS aspect
WITH aspect[0] AS aspect, aspect[1] AS a, aspect[2] AS b
RETURN aspect,
       [x IN a WHERE NOT x IN b] AS onlyAtFirst,
       [x IN b WHERE NOT x IN a] AS onlyAtSecond,
       [x IN a WHERE x IN b] AS atBoth;
