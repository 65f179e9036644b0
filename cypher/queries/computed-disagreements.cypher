// @question Where do the reports contradict each other, found by rule rather than by a hand-written Claim?
// @column rule participants, stances, sides, threat-carried-out or order (see cypher/README.md)
// @column subject The node the reports disagree about
// @column aspect What they disagree on
// @column version One report's version
// @column sources Reports stating that version
// @column voices Whom those reports attribute it to
// @column framings How they frame it (on_record, reported, alleged…)
//
// Two versions placed in time by the reports (a chain of ordering edges with at least one
// OCCURRED_BEFORE or FOLLOWED links them) are a change over time, not a disagreement.
CALL () {
  // participants: reports name different sets of mediators (or parties) for one meeting.
  MATCH (m:Meeting)<-[r:MEDIATED|ATTENDED]-(:Actor)
  UNWIND r.sourceIds AS source
  WITH DISTINCT m, type(r) AS kind, source
  WITH m, kind, source,
       COLLECT { MATCH (m)<-[r2:MEDIATED|ATTENDED]-(a:Actor) WHERE type(r2) = kind AND source IN r2.sourceIds
                 RETURN a.id ORDER BY a.id } AS ids,
       COLLECT { MATCH (m)<-[r2:MEDIATED|ATTENDED]-(:Actor) WHERE type(r2) = kind
                 UNWIND range(0, size(r2.sourceIds) - 1) AS i
                 WITH r2, i WHERE r2.sourceIds[i] = source
                 RETURN DISTINCT [r2.voices[i], r2.framings[i]] } AS vf
  WITH m, kind, collect({ source: source, ids: ids, vf: vf }) AS perReport
  WHERE any(x IN perReport WHERE x.ids <> perReport[0].ids)
  UNWIND perReport AS x
  RETURN 'participants' AS rule, m.id AS subject,
         CASE kind WHEN 'MEDIATED' THEN 'mediators' ELSE 'parties' END AS aspect,
         x.ids AS versionIds, [x.source] AS sources, [v IN x.vf | v[0]] AS voices,
         [v IN x.vf | v[1]] AS framings
  UNION ALL
  // stances: one actor (or a person representing it) takes opposite stances on one demand, or on
  // demands of one demander on one issue, in different reports, not ordered in time.
  MATCH (h1:Actor)-[:HELD]->(p1:Position)-[:ON]->(d1:Demand),
        (h2:Actor)-[:HELD]->(p2:Position)-[:ON]->(d2:Demand)
  WITH *, [h1.id] + COLLECT { MATCH (h1)-[:REPRESENTS]->(o:Actor) RETURN o.id } AS for1,
          [h2.id] + COLLECT { MATCH (h2)-[:REPRESENTS]->(o:Actor) RETURN o.id } AS for2
  WHERE p1.stance IN ['accepted', 'agreed_verbally', 'accepted_on_conditions']
    AND p2.stance IN ['rejected', 'declared_off_the_table']
    AND any(x IN for1 WHERE x IN for2)
    AND (d1 = d2 OR (d1.issue = d2.issue AND EXISTS {
          MATCH (dm:Actor)
          WHERE (EXISTS { (dm)-[:DEMANDED]->(d1) } OR EXISTS { (dm)<-[:REPRESENTS]-(:Actor)-[:DEMANDED]->(d1) })
            AND (EXISTS { (dm)-[:DEMANDED]->(d2) } OR EXISTS { (dm)<-[:REPRESENTS]-(:Actor)-[:DEMANDED]->(d2) }) }))
    AND none(s IN p1.sourceIds WHERE s IN p2.sourceIds)
    AND NOT EXISTS { MATCH path = (p1)-[:OCCURRED_BEFORE|FOLLOWED|OCCURRED_DURING*1..8]-(p2)
                     WHERE any(r IN relationships(path) WHERE NOT r:OCCURRED_DURING) }
  UNWIND [[p1, d1], [p2, d2]] AS pd
  WITH DISTINCT [x IN for1 WHERE x IN for2][0] AS holder, d1.issue AS issue, pd[0] AS p, pd[1] AS d
  RETURN 'stances' AS rule, holder AS subject, 'stance on ' + issue + ' demands' AS aspect,
         [p.stance, d.id] AS versionIds, p.sourceIds AS sources, p.voices AS voices, p.framings AS framings
  UNION ALL
  // sides: a third party is said to support one party in one report and the opposing party in
  // another (parties = actors attending one meeting as `party`).
  MATCH (x:Actor)-[:HELD]->(p1:Position)-[:ON]->(a:Actor),
        (x)-[:HELD]->(p2:Position)-[:ON]->(b:Actor)
  WHERE p1.stance IN ['supporter', 'favoured'] AND p2.stance IN ['supporter', 'favoured']
    AND a.id < b.id
    AND EXISTS { MATCH (a)-[:ATTENDED {role: 'party'}]->(:Meeting)<-[:ATTENDED {role: 'party'}]-(b) }
    AND none(s IN p1.sourceIds WHERE s IN p2.sourceIds)
    AND NOT EXISTS { MATCH path = (p1)-[:OCCURRED_BEFORE|FOLLOWED|OCCURRED_DURING*1..8]-(p2)
                     WHERE any(r IN relationships(path) WHERE NOT r:OCCURRED_DURING) }
  UNWIND [[p1, a], [p2, b]] AS pa
  WITH DISTINCT x, pa[0] AS p, pa[1] AS side
  RETURN 'sides' AS rule, x.id AS subject, 'whose side it takes' AS aspect,
         [p.stance, side.id] AS versionIds, p.sourceIds AS sources, p.voices AS voices, p.framings AS framings
  UNION ALL
  // threat-carried-out: a threat in one report that another reports as carried out (an
  // incident the threatening actor carried out, in the place the threat is about).
  MATCH (who:Actor)-[:STATED]->(t:Statement {kind: 'threat'})-[:ABOUT]->(target:Actor),
        (doer:Actor)-[c:CARRIED_OUT]->(i:Incident)
  WHERE (doer = who OR EXISTS { (who)-[:REPRESENTS]->(doer) })
    AND any(n IN [target.name] + coalesce(target.aliases, []) WHERE toLower(i.place) CONTAINS toLower(n))
    AND none(s IN t.sourceIds WHERE s IN i.sourceIds)
  UNWIND [['threatened', t], ['carried out', i]] AS v
  RETURN 'threat-carried-out' AS rule, t.id AS subject, 'threat or deed' AS aspect,
         [v[0], v[1].id] AS versionIds, v[1].sourceIds AS sources, v[1].voices AS voices,
         v[1].framings AS framings
  UNION ALL
  // order: reports order events in a cycle (A before B in one, B before A in another).
  MATCH path = (e)((x)-[r:OCCURRED_BEFORE|FOLLOWED]-(y)
                   WHERE (r:OCCURRED_BEFORE AND startNode(r) = x) OR (r:FOLLOWED AND endNode(r) = x)){1,8}(e)
  UNWIND r AS edge
  WITH DISTINCT e, edge
  RETURN 'order' AS rule, e.id AS subject, 'order of events' AS aspect,
         [type(edge), edge.id] AS versionIds, edge.sourceIds AS sources, edge.voices AS voices,
         edge.framings AS framings
}
RETURN rule, subject, aspect, versionIds AS version, sources, voices, framings
ORDER BY rule, subject, aspect, version;
