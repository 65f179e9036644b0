/**
 * Translation tier (no database): the Cypher and parameters each root field produces,
 * as inline snapshots, like @neo4j/graphql's TCK tests. Behaviour is checked against a
 * real Neo4j in tests/api-*.test.ts; here a change to src/translate shows as a diff.
 */
import { describe, expect, it } from 'vitest';

import { cypherOf, translate } from './translate-helpers.ts';

describe('one node by id', () => {
  it('reads properties, a date and evidence with source lookup', async () => {
    expect(
      await cypherOf(`{ meeting(id: "istanbul-talks") {
        id name aliasOfKind: kind date { text precision relativeTo { id title } }
        evidence { quote source { id outlet } } } }`),
    ).toMatchInlineSnapshot(`
      "MATCH (this0:Meeting { id: $param0 })
      RETURN {aliasOfKind: this0.kind, date: CASE
        WHEN this0.dateText IS NULL THEN NULL
        ELSE {precision: this0.datePrecision, relativeTo: head(COLLECT {
          MATCH (this1:Source { id: this0.dateRelativeTo })
          RETURN {id: this1.id, title: this1.title} AS x
        }), text: this0.dateText}
      END, evidence: [var2 IN range(0, (size(coalesce(this0.sourceIds, [])) - 1)) | {quote: this0.quotes[var2], source: head(COLLECT {
        MATCH (this3:Source { id: this0.sourceIds[var2] })
        RETURN {id: this3.id, outlet: this3.outlet} AS x
      })}], id: this0.id, name: this0.name} AS result
      ---
      {
        "param0": "istanbul-talks"
      }"
    `);
  });

  it('follows relationships both ways, with edge properties, evidence and blamedBy', async () => {
    expect(
      await cypherOf(`{ incident(id: "spin-boldak-shelling") {
        blamed { type reason blamedBy { name } evidence { source { id } } node { name
          demandsMade { node { summary rejectedBy { reason node { id } } } } } }
        during { days note node { name } } } }`),
    ).toMatchInlineSnapshot(`
      "MATCH (this0:Incident { id: $param0 })
      RETURN {blamed: COLLECT {
        MATCH (this0)<-[this1:BLAMED_FOR]-(this2:Actor)
        RETURN {blamedBy: head(COLLECT {
          MATCH (this3:Actor { id: this1.blamedBy })
          RETURN {name: this3.name} AS x
        }), evidence: [var4 IN range(0, (size(coalesce(this1.sourceIds, [])) - 1)) | {source: {id: this1.sourceIds[var4]}}], node: {demandsMade: COLLECT {
          MATCH (this2)-[this5:DEMANDED]->(this6:Demand)
          RETURN {node: {rejectedBy: COLLECT {
            MATCH (this6)<-[this7:REJECTED]-(this8:Actor)
            RETURN {node: {id: this8.id}, reason: this7.reason} AS x
            ORDER BY this8.id ASC
          }, summary: this6.summary}} AS x
          ORDER BY this6.id ASC
        }, name: this2.name}, reason: this1.reason, type: type(this1)} AS x
        ORDER BY this2.id ASC
      }, during: COLLECT {
        MATCH (this0)-[this9:OCCURRED_DURING]->(this10:Meeting)
        RETURN {days: this9.days, node: {name: this10.name}, note: this9.note} AS x
        ORDER BY this10.id ASC
      }} AS result
      ---
      {
        "param0": "spin-boldak-shelling"
      }"
    `);
  });

  it('resolves the Node interface per label, with __typename and fragments', async () => {
    expect(
      await cypherOf(`{ node(id: "pakistan") { __typename id
        ... on Actor { name kind }
        ... on Demand { summary madeBy { node { id } } }
        ... on Claim { subject { id } } } }`),
    ).toMatchInlineSnapshot(`
      "MATCH (this0:Entity { id: $param0 })
      WHERE NOT (this0:Source)
      RETURN {__typename: CASE
        WHEN this0:Actor THEN 'Actor'
        WHEN this0:Demand THEN 'Demand'
        WHEN this0:Meeting THEN 'Meeting'
        WHEN this0:Incident THEN 'Incident'
        WHEN this0:Statement THEN 'Statement'
        WHEN this0:Claim THEN 'Claim'
        WHEN this0:Position THEN 'Position'
      END, id: this0.id, kind: CASE
        WHEN this0:Actor THEN this0.kind
      END, madeBy: CASE
        WHEN this0:Demand THEN COLLECT {
          MATCH (this0)<-[this1:DEMANDED]-(this2:Actor)
          RETURN {node: {id: this2.id}} AS x
          ORDER BY this2.id ASC
        }
      END, name: CASE
        WHEN this0:Actor THEN this0.name
      END, subject: CASE
        WHEN this0:Claim THEN head(COLLECT {
          MATCH (this0)-[this3:ABOUT]->(this4:Entity)
          RETURN {__typename: CASE
            WHEN this4:Actor THEN 'Actor'
            WHEN this4:Demand THEN 'Demand'
            WHEN this4:Meeting THEN 'Meeting'
            WHEN this4:Incident THEN 'Incident'
            WHEN this4:Statement THEN 'Statement'
            WHEN this4:Claim THEN 'Claim'
            WHEN this4:Position THEN 'Position'
          END, id: this4.id} AS x
          ORDER BY this4.id ASC
        })
      END, summary: CASE
        WHEN this0:Demand THEN this0.summary
      END} AS result
      ---
      {
        "param0": "pakistan"
      }"
    `);
  });

  it('translates actor, demand, statement, claim and source', async () => {
    for (const [field, sel] of [
      ['actor', 'name aliases represents { role node { id } } claims { value }'],
      ['demand', 'summary issue counters { node { id } } counterDemands { node { id } }'],
      [
        'statement',
        'summary about { node { id } } respondsTo { node { id } } statedBy { node { id } }',
      ],
      ['claim', 'property value subject { id ... on Meeting { name } }'],
      ['source', 'id outlet statesCount'],
    ] as const)
      expect(await cypherOf(`{ ${field}(id: "x") { ${sel} } }`)).toMatchSnapshot(field);
  });
});

describe('lists', () => {
  it('anchors on the first id filter and checks the others per candidate', async () => {
    expect(
      await cypherOf(`{ demands(filter: { madeBy: "pakistan", rejectedBy: "afghanistan",
        text: "TTP", issue: [SECURITY], concerns: "ttp", addressedTo: "afghanistan",
        raisedAt: "istanbul-talks", source: "report-001" }, orderBy: { field: SUMMARY, direction: DESC },
        first: 5, after: "b2Zmc2V0OjU") { totalCount edges { cursor node { id } } pageInfo { hasNextPage } } }`),
    ).toMatchInlineSnapshot(`
      "CALL {
        MATCH (:Actor { id: $param0 })<-[:REPRESENTS*0..1]-(:Actor)-[:DEMANDED]->(this0:Demand)
        WITH DISTINCT this0
        WHERE (EXISTS {
          MATCH (:Actor { id: $param1 })<-[:ADDRESSED_TO]-(this0)
        } AND EXISTS {
          MATCH (:Actor { id: $param2 })<-[:REPRESENTS*0..1]-(:Actor)-[:REJECTED]->(this0)
        } AND EXISTS {
          MATCH (:Actor { id: $param3 })<-[:CONCERNS]-(this0)
        } AND EXISTS {
          MATCH (:Meeting { id: $param4 })<-[:RAISED_AT]-(this0)
        } AND (toLower(coalesce(this0.summary, '')) CONTAINS $param5 AND this0.issue IN $param6 AND $param7 IN this0.sourceIds))
        RETURN count(this0) AS totalCount
      }
      CALL {
        MATCH (:Actor { id: $param0 })<-[:REPRESENTS*0..1]-(:Actor)-[:DEMANDED]->(this0:Demand)
        WITH DISTINCT this0
        WHERE (EXISTS {
          MATCH (:Actor { id: $param1 })<-[:ADDRESSED_TO]-(this0)
        } AND EXISTS {
          MATCH (:Actor { id: $param2 })<-[:REPRESENTS*0..1]-(:Actor)-[:REJECTED]->(this0)
        } AND EXISTS {
          MATCH (:Actor { id: $param3 })<-[:CONCERNS]-(this0)
        } AND EXISTS {
          MATCH (:Meeting { id: $param4 })<-[:RAISED_AT]-(this0)
        } AND (toLower(coalesce(this0.summary, '')) CONTAINS $param5 AND this0.issue IN $param6 AND $param7 IN this0.sourceIds))
        WITH this0
        ORDER BY this0.summary DESC, this0.id ASC
        SKIP $param8
        LIMIT $param9
        RETURN collect({id: this0.id}) AS page
      }
      RETURN totalCount, page
      ---
      {
        "param0": "pakistan",
        "param1": "afghanistan",
        "param2": "afghanistan",
        "param3": "ttp",
        "param4": "istanbul-talks",
        "param5": "ttp",
        "param6": [
          "security"
        ],
        "param7": "report-001",
        "param8": "int(5)",
        "param9": "int(6)"
      }"
    `);
  });

  it('scans by label without an anchor, and leaves out the count when not asked', async () => {
    expect(
      await cypherOf(`{ actors(filter: { name: "pak", kind: [STATE, ARMED_GROUP], source: "report-000" },
        orderBy: { field: ID }) { edges { node { name } } } }`),
    ).toMatchInlineSnapshot(`
      "CALL {
        MATCH (this0:Actor)
        WHERE ((toLower(this0.name) CONTAINS $param0 OR any(var1 IN coalesce(this0.aliases, []) WHERE toLower(var1) CONTAINS $param0)) AND this0.kind IN $param1 AND $param2 IN this0.sourceIds)
        WITH this0
        ORDER BY this0.id ASC
        SKIP $param3
        LIMIT $param4
        RETURN collect({name: this0.name}) AS page
      }
      RETURN page
      ---
      {
        "param0": "pak",
        "param1": [
          "state",
          "armed_group"
        ],
        "param2": "report-000",
        "param3": "int(0)",
        "param4": "int(21)"
      }"
    `);
  });

  it('translates every filter of meetings, incidents and statements', async () => {
    expect(
      await cypherOf(`{ meetings(filter: { text: "istanbul", kind: [TALKS], actor: "qatar",
        mediator: "turkey", source: "report-001" }, direction: DESC) { totalCount } }`),
    ).toMatchInlineSnapshot(`
      "CALL {
        MATCH (:Actor { id: $param0 })-[:(ATTENDED|MEDIATED|HOSTED)]->(this0:Meeting)
        WITH DISTINCT this0
        WHERE (EXISTS {
          MATCH (:Actor { id: $param1 })-[:MEDIATED]->(this0)
        } AND ((toLower(coalesce(this0.name, '')) CONTAINS $param2 OR toLower(coalesce(this0.place, '')) CONTAINS $param2) AND this0.kind IN $param3 AND $param4 IN this0.sourceIds))
        RETURN count(this0) AS totalCount
      }
      CALL {
        MATCH (:Actor { id: $param0 })-[:(ATTENDED|MEDIATED|HOSTED)]->(this0:Meeting)
        WITH DISTINCT this0
        WHERE (EXISTS {
          MATCH (:Actor { id: $param1 })-[:MEDIATED]->(this0)
        } AND ((toLower(coalesce(this0.name, '')) CONTAINS $param2 OR toLower(coalesce(this0.place, '')) CONTAINS $param2) AND this0.kind IN $param3 AND $param4 IN this0.sourceIds))
        WITH this0
        ORDER BY this0.name DESC, this0.id ASC
        SKIP $param5
        LIMIT $param6
        RETURN collect({}) AS page
      }
      RETURN totalCount, page
      ---
      {
        "param0": "qatar",
        "param1": "turkey",
        "param2": "istanbul",
        "param3": [
          "talks"
        ],
        "param4": "report-001",
        "param5": "int(0)",
        "param6": "int(21)"
      }"
    `);
    expect(
      await cypherOf(`{ incidents(filter: { text: "border", kind: [SHELLING], blamed: "afghanistan",
        withinDaysOfMeeting: 7, source: "report-003" }) { edges { node { id } } } }`),
    ).toMatchInlineSnapshot(`
      "CALL {
        MATCH (:Actor { id: $param0 })-[:BLAMED_FOR]->(this0:Incident)
        WITH DISTINCT this0
        WHERE ((toLower(coalesce(this0.summary, '')) CONTAINS $param1 OR toLower(coalesce(this0.place, '')) CONTAINS $param1) AND this0.kind IN $param2 AND EXISTS {
          MATCH (this0)-[this1:(OCCURRED_DURING|OCCURRED_BEFORE)]->(:Meeting)
          WHERE (type(this1) = 'OCCURRED_DURING' OR this1.days <= $param3)
        } AND $param4 IN this0.sourceIds)
        WITH this0
        ORDER BY this0.id ASC
        SKIP $param5
        LIMIT $param6
        RETURN collect({id: this0.id}) AS page
      }
      RETURN page
      ---
      {
        "param0": "afghanistan",
        "param1": "border",
        "param2": [
          "shelling"
        ],
        "param3": "int(7)",
        "param4": "report-003",
        "param5": "int(0)",
        "param6": "int(21)"
      }"
    `);
    expect(
      await cypherOf(`{ statements(filter: { text: "respond", kind: [WARNING], statedBy: "khawaja-asif",
        source: "report-002" }) { edges { node { id } } } }`),
    ).toMatchInlineSnapshot(`
      "CALL {
        MATCH (:Actor { id: $param0 })<-[:REPRESENTS*0..1]-(:Actor)-[:STATED]->(this0:Statement)
        WITH DISTINCT this0
        WHERE (toLower(coalesce(this0.summary, '')) CONTAINS $param1 AND this0.kind IN $param2 AND $param3 IN this0.sourceIds)
        WITH this0
        ORDER BY this0.id ASC
        SKIP $param4
        LIMIT $param5
        RETURN collect({id: this0.id}) AS page
      }
      RETURN page
      ---
      {
        "param0": "khawaja-asif",
        "param1": "respond",
        "param2": [
          "warning"
        ],
        "param3": "report-002",
        "param4": "int(0)",
        "param5": "int(21)"
      }"
    `);
  });

  it('lists all sources ordered by id', async () => {
    expect(await cypherOf('{ sources { id title } }')).toMatchInlineSnapshot(`
      "MATCH (this0:Source)
      WITH this0
      ORDER BY this0.id ASC
      RETURN collect({id: this0.id, title: this0.title}) AS result
      ---
      {}"
    `);
  });
});

describe('analysis fields', () => {
  it('searches the full-text index with the text escaped as words', async () => {
    expect(
      await cypherOf(`{ search(text: "TTP AND (border)", kinds: [ACTOR, DEMAND], first: 3) {
        score node { __typename id ... on Actor { name } } } }`),
    ).toMatchInlineSnapshot(`
      "CALL db.index.fulltext.queryNodes('search', $param0) YIELD node AS this0, score AS var1
      WHERE (NOT (this0:Source) AND any(var2 IN labels(this0) WHERE var2 IN $param1))
      WITH this0, var1
      ORDER BY var1 DESC, this0.id ASC
      LIMIT $param2
      RETURN collect({node: {__typename: CASE
        WHEN this0:Actor THEN 'Actor'
        WHEN this0:Demand THEN 'Demand'
        WHEN this0:Meeting THEN 'Meeting'
        WHEN this0:Incident THEN 'Incident'
        WHEN this0:Statement THEN 'Statement'
        WHEN this0:Claim THEN 'Claim'
        WHEN this0:Position THEN 'Position'
      END, id: this0.id, name: CASE
        WHEN this0:Actor THEN this0.name
      END}, score: var1}) AS result
      ---
      {
        "param0": "TTP and \\\\(border\\\\)",
        "param1": [
          "Actor",
          "Demand"
        ],
        "param2": "int(3)"
      }"
    `);
  });

  it('places events on the timeline between two actors', async () => {
    expect(
      await cypherOf(`{ timeline(actor: "pakistan", otherActor: "afghanistan") {
        rank date { text precision } node { id } } }`),
    ).toMatchInlineSnapshot(`
      "MATCH (this0:Entity)
      WHERE (this0:Meeting OR this0:Incident OR this0:Statement OR this0:Position)
      WITH this0
      ORDER BY this0.id ASC
      WITH collect(this0) AS var1
      WITH var1, [var2 IN var1 | var2.id] AS var3, size(var1) AS var4
      CALL (var3, var4) {
        MATCH (this5:Entity)-[this6:(OCCURRED_BEFORE|FOLLOWED|OCCURRED_DURING)]->(this7:Entity)
        WITH this6, head([var8 IN range(0, (var4 - 1)) WHERE var3[var8] = this5.id]) AS var9, head([var8 IN range(0, (var4 - 1)) WHERE var3[var8] = this7.id]) AS var10
        WHERE (var9 IS NOT NULL AND var10 IS NOT NULL)
        UNWIND CASE type(this6)
          WHEN 'OCCURRED_BEFORE' THEN [[(var4 + var9), var10, 1]]
          WHEN 'FOLLOWED' THEN [[(var4 + var10), var9, 1]]
          ELSE [[var10, var9, 0], [(var4 + var9), (var4 + var10), 0]]
        END AS var11
        RETURN collect((var11 + [this6.id])) AS var12
      }
      WITH var1, var4, var12, (var12 + [var8 IN range(0, (var4 - 1)) | [var8, (var4 + var8), 0, NULL]]) AS var13, [var8 IN range(0, (var4 - 1)) | ([var11 IN var12 WHERE toInteger((var11[0] % var4)) = var8 | toInteger((var11[1] % var4))] + [var11 IN var12 WHERE toInteger((var11[1] % var4)) = var8 | toInteger((var11[0] % var4))])] AS var14
      WITH var1, var4, var12, var13, var14, reduce(var15 = range(0, (var4 - 1)), var16 IN range(0, size(var12)) | [var8 IN range(0, (var4 - 1)) | reduce(var17 = var15[var8], var18 IN var14[var8] | CASE
        WHEN var15[var18] < var17 THEN var15[var18]
        ELSE var17
      END)]) AS var19
      WITH var1, var4, var12, var14, var19, size(var13) AS var20, [var21 IN range(0, ((2 * var4) - 1)) | [var11 IN var13 WHERE var11[1] = var21]] AS var22
      WITH var1, var4, var12, var14, var19, var22, reduce(var23 = [var21 IN range(0, ((2 * var4) - 1)) | 0], var16 IN range(0, var20) | [var21 IN range(0, ((2 * var4) - 1)) | reduce(var24 = var23[var21], var11 IN var22[var21] | CASE
        WHEN (var23[var11[0]] + var11[2]) > var24 THEN (var23[var11[0]] + var11[2])
        ELSE var24
      END)]) AS var23
      WITH var1, var4, var14, var19, var22, var23, [var11 IN var12 WHERE var23[var11[1]] < (var23[var11[0]] + var11[2]) | var11[3]] AS var25
      UNWIND range(0, (var4 - 1)) AS var26
      WITH var1[var26] AS this27, var23[var26] AS var28, var23[(var4 + var26)] AS var29, [var30 IN var22[var26] WHERE (var30[3] IS NOT NULL AND var23[var26] > 0 AND (var23[var30[0]] + var30[2]) = var23[var26]) | var30[3]] AS var31, var25, var1[var19[var26]] AS this32, size(var14[var26]) AS var33
      WHERE (EXISTS {
        MATCH (this27)-[this34]-(this35:Actor)
        WHERE (type(this34) <> 'REPORTED_BY' AND (this35.id = $param0 OR EXISTS {
          (this35)-[:REPRESENTS]->(:Actor { id: $param0 })
        }))
      } AND EXISTS {
        MATCH (this27)-[this36]-(this37:Actor)
        WHERE (type(this36) <> 'REPORTED_BY' AND (this37.id = $param1 OR EXISTS {
          (this37)-[:REPRESENTS]->(:Actor { id: $param1 })
        }))
      })
      WITH this27, var28, var29, var31, var25, COLLECT {
        MATCH (this27)-[this38:(OCCURRED_BEFORE|FOLLOWED|OCCURRED_DURING)]-()
        RETURN this38.id
      } AS var39, CASE
        WHEN var33 = 0 THEN NULL
        ELSE this32.id
      END AS var40
      WITH this27, var40, CASE
        WHEN var40 IS NULL THEN NULL
        ELSE var28
      END AS var41, CASE
        WHEN var40 IS NULL THEN NULL
        ELSE var29
      END AS var42, var31 AS var43, [var44 IN var39 WHERE var44 IN var25] AS var45
      ORDER BY var41 IS NULL ASC, var41 ASC, var42 ASC, this27.id ASC
      RETURN collect({date: CASE
        WHEN this27.dateText IS NULL THEN NULL
        ELSE {precision: this27.datePrecision, text: this27.dateText}
      END, node: {__typename: CASE
        WHEN this27:Actor THEN 'Actor'
        WHEN this27:Demand THEN 'Demand'
        WHEN this27:Meeting THEN 'Meeting'
        WHEN this27:Incident THEN 'Incident'
        WHEN this27:Statement THEN 'Statement'
        WHEN this27:Claim THEN 'Claim'
        WHEN this27:Position THEN 'Position'
      END, id: this27.id}, rank: var41}) AS result
      ---
      {
        "param0": "pakistan",
        "param1": "afghanistan"
      }"
    `);
  });

  it('finds shortest connections with evidence per step', async () => {
    expect(
      await cypherOf(`{ connections(from: "pakistan", to: "ttp", maxLength: 3) { length
        steps { type from { id } to { id } evidence { quote } } } }`),
    ).toMatchInlineSnapshot(`
      "MATCH
        (this0:Entity { id: $param0 }),
        (this1:Entity { id: $param1 })
      MATCH p2 = allShortestPaths((this0)-[*..6]-(this1))
      WHERE (all(var3 IN relationships(p2) WHERE type(var3) <> 'REPORTED_BY') AND length(p2) <= $param2)
      WITH p2

      LIMIT 25
      RETURN collect({length: length(p2), steps: [this4 IN relationships(p2) | {evidence: [var5 IN range(0, (size(coalesce(this4.sourceIds, [])) - 1)) | {quote: this4.quotes[var5]}], from: head(COLLECT {
        MATCH (this6:Entity)
        WHERE elementId(this6) = elementId(startNode(this4))
        RETURN {__typename: CASE
          WHEN this6:Actor THEN 'Actor'
          WHEN this6:Demand THEN 'Demand'
          WHEN this6:Meeting THEN 'Meeting'
          WHEN this6:Incident THEN 'Incident'
          WHEN this6:Statement THEN 'Statement'
          WHEN this6:Claim THEN 'Claim'
          WHEN this6:Position THEN 'Position'
        END, id: this6.id} AS x
      }), to: head(COLLECT {
        MATCH (this7:Entity)
        WHERE elementId(this7) = elementId(endNode(this4))
        RETURN {__typename: CASE
          WHEN this7:Actor THEN 'Actor'
          WHEN this7:Demand THEN 'Demand'
          WHEN this7:Meeting THEN 'Meeting'
          WHEN this7:Incident THEN 'Incident'
          WHEN this7:Statement THEN 'Statement'
          WHEN this7:Claim THEN 'Claim'
          WHEN this7:Position THEN 'Position'
        END, id: this7.id} AS x
      }), type: type(this4)}]}) AS result
      ---
      {
        "param0": "pakistan",
        "param1": "ttp",
        "param2": "int(3)"
      }"
    `);
  });

  it('lists disagreements with each version', async () => {
    expect(
      await cypherOf(`{ disagreements(subject: "istanbul-talks") { property subject { id }
        versions { value evidence { source { id } } } } }`),
    ).toMatchInlineSnapshot(`
      "CALL () {
        MATCH (this0:Meeting)<-[this1:(MEDIATED|ATTENDED)]-(:Actor)
        UNWIND this1.sourceIds AS var2
        WITH DISTINCT this0, type(this1) AS var3, var2
        WITH this0, var3, var2, COLLECT {
          MATCH (this0)<-[this4:(MEDIATED|ATTENDED)]-(this5:Actor)
          WHERE (type(this4) = var3 AND var2 IN this4.sourceIds)
          RETURN this5.id
          ORDER BY this5.id ASC
        } AS var6, COLLECT {
          MATCH (this0)<-[this4:(MEDIATED|ATTENDED)]-(this5:Actor)
          WHERE (type(this4) = var3 AND var2 IN this4.sourceIds)
          RETURN this4
          ORDER BY this5.id ASC
        } AS var7
        WITH this0, var3, collect({source: var2, ids: var6, items: var7}) AS var8
        WITH this0, var3, var8, var8[0] AS var9
        WHERE any(var10 IN var8 WHERE var10.ids <> var9.ids)
        RETURN 'rule' AS kind, 'participants' AS rule, this0 AS subject, CASE var3
          WHEN 'MEDIATED' THEN 'mediators'
          ELSE 'parties'
        END AS aspect, [var10 IN var8 | {id: (this0.id + '@' + var10.source), value: reduce(var11 = '', var12 IN var10.ids | (var11 + CASE
          WHEN var11 = '' THEN ''
          ELSE ' '
        END + var12)), valueIds: var10.ids, sources: [var10.source], items: var10.items}] AS versions
        UNION ALL
        MATCH (this13:Actor)-[:HELD]->(this14:Position)-[:ON]->(this15:Demand)
        WHERE this14.stance IN $param0
        WITH this13, this14, this15, ([this13.id] + COLLECT {
          MATCH (this13)-[:REPRESENTS]->(this16:Actor)
          RETURN this16.id
        }) AS var17
        MATCH (this18:Actor)-[:HELD]->(this19:Position)-[:ON]->(this20:Demand)
        WHERE (this19.stance IN $param1 AND (this15 = this20 OR this15.issue = this20.issue) AND none(var21 IN this14.sourceIds WHERE var21 IN this19.sourceIds))
        WITH *, ([this18.id] + COLLECT {
          MATCH (this18)-[:REPRESENTS]->(this22:Actor)
          RETURN this22.id
        }) AS var23
        WHERE (any(var24 IN var17 WHERE var24 IN var23) AND (this15 = this20 OR EXISTS {
          MATCH (this25:Actor)
          WHERE (EXISTS {
            (this25)<-[:REPRESENTS*0..1]-(:Actor)-[:DEMANDED]->(this15)
          } AND EXISTS {
            (this25)<-[:REPRESENTS*0..1]-(:Actor)-[:DEMANDED]->(this20)
          })
        }) AND NOT (EXISTS {
          MATCH p26 = (this14)-[:(OCCURRED_BEFORE|FOLLOWED|OCCURRED_DURING)*1..8]-(this19)
          WHERE any(this27 IN relationships(p26) WHERE type(this27) <> 'OCCURRED_DURING')
        }))
        UNWIND [[this14, this15], [this19, this20]] AS var28
        WITH DISTINCT head([var24 IN var17 WHERE var24 IN var23]) AS var29, this15.issue AS var30, var28[0] AS var31, var28[1] AS var32
        WITH var29, var30, var31, var32
        ORDER BY var31.stance ASC, var32.id ASC
        WITH var29, var30, collect({id: var31.id, value: (var31.stance + ' ' + var32.id), valueIds: [var31.stance, var32.id], sources: var31.sourceIds, items: [var31]}) AS var33
        MATCH (this34:Actor { id: var29 })
        RETURN 'rule' AS kind, 'stances' AS rule, this34 AS subject, ('stance on ' + var30 + ' demands') AS aspect, var33 AS versions
        UNION ALL
        MATCH (this35:Actor)-[:HELD]->(this36:Position)-[:ON]->(this37:Actor)
        WHERE this36.stance IN $param2
        WITH this35, this36, this37
        MATCH (this35)-[:HELD]->(this38:Position)-[:ON]->(this39:Actor)
        WHERE (this38.stance IN $param3 AND this37.id < this39.id AND EXISTS {
          (this37)-[:ATTENDED { role: 'party' }]->(:Meeting)<-[:ATTENDED { role: 'party' }]-(this39)
        } AND none(var40 IN this36.sourceIds WHERE var40 IN this38.sourceIds) AND NOT (EXISTS {
          MATCH p41 = (this36)-[:(OCCURRED_BEFORE|FOLLOWED|OCCURRED_DURING)*1..8]-(this38)
          WHERE any(this42 IN relationships(p41) WHERE type(this42) <> 'OCCURRED_DURING')
        }))
        RETURN 'rule' AS kind, 'sides' AS rule, this35 AS subject, 'whose side it takes' AS aspect, [{id: this36.id, value: (this36.stance + ' ' + this37.id), valueIds: [this36.stance, this37.id], sources: this36.sourceIds, items: [this36]}, {id: this38.id, value: (this38.stance + ' ' + this39.id), valueIds: [this38.stance, this39.id], sources: this38.sourceIds, items: [this38]}] AS versions
        UNION ALL
        MATCH
          (this43:Actor)-[:STATED]->(this44:Statement { kind: 'threat' })-[:ABOUT]->(this45:Actor),
          (this46:Actor)-[:CARRIED_OUT]->(this47:Incident)
        WHERE ((this46 = this43 OR EXISTS {
          (this43)-[:REPRESENTS]->(this46)
        }) AND any(var48 IN ([this45.name] + coalesce(this45.aliases, [])) WHERE toLower(this47.place) CONTAINS toLower(var48)) AND none(var49 IN this44.sourceIds WHERE var49 IN this47.sourceIds))
        RETURN 'rule' AS kind, 'threat_carried_out' AS rule, this44 AS subject, 'threat or deed' AS aspect, [{id: this47.id, value: ('carried out' + ' ' + this47.id), valueIds: ['carried out', this47.id], sources: this47.sourceIds, items: [this47]}, {id: this44.id, value: ('threatened' + ' ' + this44.id), valueIds: ['threatened', this44.id], sources: this44.sourceIds, items: [this44]}] AS versions
        UNION ALL
        MATCH (this50:Entity)
              ((this51)-[this52:(OCCURRED_BEFORE|FOLLOWED)]-(this53 WHERE ((this52:OCCURRED_BEFORE AND startNode(this52) = this51) OR (this52:FOLLOWED AND endNode(this52) = this51)))){1,8}
              (this50)
        UNWIND this52 AS this54
        WITH DISTINCT this50, this54
        WITH this50, this54
        ORDER BY this54.id ASC
        WITH this50, collect(this54) AS var55
        RETURN 'rule' AS kind, 'order' AS rule, this50 AS subject, 'order of events' AS aspect, [this54 IN var55 | {id: this54.id, value: (type(this54) + ' ' + this54.id), valueIds: [type(this54), this54.id], sources: this54.sourceIds, items: [this54]}] AS versions
        UNION ALL
        MATCH (this56:Claim)-[:ABOUT]->(this57:Entity)
        WITH this57, this56
        ORDER BY this56.value ASC, this56.id ASC
        WITH this57, this56.property AS var58, collect(this56) AS var59
        WHERE size(reduce(var60 = [], var61 IN var59 | CASE
          WHEN var61.value IN var60 THEN var60
          ELSE (var60 + [var61.value])
        END)) > 1
        RETURN 'curated' AS kind, NULL AS rule, this57 AS subject, var58 AS aspect, [var61 IN var59 | {id: var61.id, value: var61.value, valueIds: [var61.value], sources: var61.sourceIds, items: [var61]}] AS versions
      }
      WITH kind, rule, subject AS this62, aspect, versions
      WHERE this62.id = $param4
      WITH kind, rule, this62, aspect, versions
      ORDER BY kind DESC, rule ASC, this62.id ASC, aspect ASC
      RETURN collect({property: aspect, subject: {__typename: CASE
        WHEN this62:Actor THEN 'Actor'
        WHEN this62:Demand THEN 'Demand'
        WHEN this62:Meeting THEN 'Meeting'
        WHEN this62:Incident THEN 'Incident'
        WHEN this62:Statement THEN 'Statement'
        WHEN this62:Claim THEN 'Claim'
        WHEN this62:Position THEN 'Position'
      END, id: this62.id}, versions: [var65 IN versions | {evidence: reduce(var63 = [], var64 IN var65.items | (var63 + [var66 IN range(0, (size(coalesce(var64.sourceIds, [])) - 1)) WHERE var64.sourceIds[var66] IN var65.sources | {source: {id: var64.sourceIds[var66]}}])), value: var65.value}]}) AS result
      ---
      {
        "param0": [
          "accepted",
          "agreed_verbally",
          "accepted_on_conditions"
        ],
        "param1": [
          "rejected",
          "declared_off_the_table"
        ],
        "param2": [
          "supporter",
          "favoured"
        ],
        "param3": [
          "supporter",
          "favoured"
        ],
        "param4": "istanbul-talks"
      }"
    `);
  });

  it('counts demand responses per actor', async () => {
    expect(
      await cypherOf(`{ demandStats(actor: "pakistan") { actor { id } made rejected accepted
        countered unanswered shareRejected } }`),
    ).toMatchInlineSnapshot(`
      "MATCH (this0:Actor)<-[:REPRESENTS*0..1]-(this1:Actor)-[:DEMANDED]->(this2:Demand)
      WHERE this0.id = $param0
      WITH this0, collect(DISTINCT this2) AS var3, collect(DISTINCT this1) AS var4
      WITH this0, var4, size(var3) AS var5, size([this2 IN var3 WHERE EXISTS {
        (this2)<-[:REJECTED]-()
      }]) AS var6, size([this2 IN var3 WHERE EXISTS {
        (this2)<-[:ACCEPTED]-()
      }]) AS var7, size([this2 IN var3 WHERE EXISTS {
        (this2)<-[:COUNTERED]-()
      }]) AS var8, size([this2 IN var3 WHERE NOT (EXISTS {
        (this2)<-[:(REJECTED|ACCEPTED|COUNTERED)]-()
      })]) AS var9
      ORDER BY this0.id ASC
      RETURN collect({accepted: var7, actor: {id: this0.id}, countered: var8, made: var5, rejected: var6, shareRejected: CASE var5
        WHEN 0 THEN 0
        ELSE (toFloat(var6) / var5)
      END, unanswered: var9}) AS result
      ---
      {
        "param0": "pakistan"
      }"
    `);
  });

  it('draws a filtered slice of the graph', async () => {
    expect(
      await cypherOf(`{ graph(kinds: [ACTOR, MEETING], source: "report-001", actor: "qatar",
        around: "istanbul-talks", limit: 50) { truncated nodes { id } edges { id } } }`),
    ).toMatchInlineSnapshot(`
      "MATCH (this0:Entity)
      WHERE (any(var1 IN labels(this0) WHERE var1 IN $param0) AND ($param1 IN coalesce(this0.sourceIds, []) OR this0.id = $param1) AND (this0.id = $param2 OR EXISTS {
        MATCH (this0)-[this2]-(:Actor { id: $param2 })
        WHERE type(this2) <> 'REPORTED_BY'
      }) AND (this0.id = $param3 OR EXISTS {
        (this0)-[]-(:Entity { id: $param3 })
      }))
      WITH this0
      ORDER BY this0.id ASC
      WITH collect(this0) AS var3
      WITH var3[0..$param4] AS var4, size(var3) AS var5
      RETURN {truncated: var5 > size(var4), nodes: [this6 IN var4 | {id: this6.id, kind: [var7 IN labels(this6) WHERE var7 <> 'Entity'][0], label: coalesce(this6.name, this6.summary, this6.value, this6.title, this6.id), sources: CASE
        WHEN this6:Source THEN [this6.id]
        ELSE coalesce(this6.sourceIds, [])
      END, disputed: EXISTS {
        MATCH (this8:Claim)-[:ABOUT]->(this6)<-[:ABOUT]-(this9:Claim)
        WHERE (this8.property = this9.property AND this8.value <> this9.value)
      }}], edges: COLLECT {
        UNWIND var4 AS this10
        MATCH (this10)-[this11]->(this12:Entity)
        WHERE this12 IN var4
        RETURN {id: coalesce(this11.id, elementId(this11)), type: type(this11), from: this10.id, to: this12.id, sources: coalesce(this11.sourceIds, [])} AS e
      }} AS result
      ---
      {
        "param0": [
          "Actor",
          "Meeting"
        ],
        "param1": "report-001",
        "param2": "qatar",
        "param3": "istanbul-talks",
        "param4": "int(50)"
      }"
    `);
  });
});

describe('guarantees', () => {
  it('sends one query per root field however deep the selection', async () => {
    const { queries } = await translate(`{
      a: actor(id: "pakistan") { demandsMade { node { rejectedBy { node { meetingsAttended {
        node { mediators { node { statements { node { about { node { id } } } } } } } } } } } } }
      b: demands { edges { node { raisedAt { node { incidentsDuring { node { blamed { node { id } } } } } } } } }
    }`);
    expect(queries).toHaveLength(2);
  });

  it('produces identical Cypher for equivalent selections in another field order', async () => {
    const one = await cypherOf(`{ demands(filter: { madeBy: "pakistan" }) {
      edges { node { summary id madeBy { reason node { name id } } } } totalCount } }`);
    const other = await cypherOf(`query Q { demands(filter: { madeBy: "pakistan" }) {
      totalCount edges { node { ...D } } } }
      fragment D on Demand { id madeBy { node { id name } reason } summary }`);
    expect(other).toBe(one);
  });

  it('sends whole numbers as Neo4j integers', async () => {
    const { queries } = await translate(
      '{ incidents(filter: { withinDaysOfMeeting: 3 }, first: 2) { totalCount } }',
    );
    const params = Object.values(queries[0]?.params ?? {});
    expect(params.length).toBeGreaterThan(0);
    for (const p of params.filter((x) => typeof x !== 'string'))
      expect(p, 'an integer parameter').toHaveProperty('high');
  });

  it('refuses a forged cursor as bad user input', async () => {
    const forged = Buffer.from('offset:99999999999999999999999').toString('base64url');
    const { queries, errors } = await translate(`{ actors(after: "${forged}") { totalCount } }`);
    expect(queries).toEqual([]);
    expect(errors).toEqual([
      `BAD_USER_INPUT: after: '${forged}' is not a cursor issued by this API`,
    ]);
  });

  it('bounds the search text: length and distinct words, naming the limit', async () => {
    const words = Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ');
    const many = await translate(`{ search(text: "${words}") { score } }`);
    expect(many.queries).toEqual([]);
    expect(many.errors).toEqual([
      'BAD_USER_INPUT: text must have at most 64 distinct words (got 100)',
    ]);
    const long = await translate(`{ search(text: "${'a'.repeat(501)}") { score } }`);
    expect(long.errors).toEqual(['BAD_USER_INPUT: text must be at most 500 characters (got 501)']);
    const repeated = await translate(`{ search(text: "${'ttp '.repeat(120)}") { score } }`);
    expect(repeated.errors).toEqual([]);
  });
});
