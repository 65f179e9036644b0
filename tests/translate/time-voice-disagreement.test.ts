/**
 * Translation tier for issue 11 (no database): the timeline and positions ranked by the
 * stated order, the voice filter, computed and curated disagreements, and representatives
 * counted for the actor they represent.
 */
import { describe, expect, it } from 'vitest';

import { cypherOf } from './translate-helpers.ts';

describe('the order of events', () => {
  it('ranks the timeline by every stated ordering edge, keeping on-the-record words of an actor', async () => {
    expect(
      await cypherOf(`{ timeline(actor: "turkey", voice: { framing: [ON_RECORD], speaker: "turkey", actorsOnly: true }) {
        rank rankEnd group placedBy { id type from { id } to { id } evidence { quote voice framing } }
        conflicts { id } node { id } } }`),
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
      } AND any(var36 IN range(0, (size(coalesce(this27.quotes, [])) - 1)) WHERE (this27.framings[var36] IN $param1 AND this27.voices[var36] IN ([$param2] + COLLECT {
        MATCH (this37:Actor)-[:REPRESENTS]->(:Actor { id: $param2 })
        RETURN this37.id
      }) AND EXISTS {
        MATCH (this38:Actor)
        WHERE this38.id = this27.voices[var36]
      })))
      WITH this27, var28, var29, var31, var25, COLLECT {
        MATCH (this27)-[this39:(OCCURRED_BEFORE|FOLLOWED|OCCURRED_DURING)]-()
        RETURN this39.id
      } AS var40, CASE
        WHEN var33 = 0 THEN NULL
        ELSE this32.id
      END AS var41
      WITH this27, var41, CASE
        WHEN var41 IS NULL THEN NULL
        ELSE var28
      END AS var42, CASE
        WHEN var41 IS NULL THEN NULL
        ELSE var29
      END AS var43, var31 AS var44, [var45 IN var40 WHERE var45 IN var25] AS var46
      ORDER BY var42 IS NULL ASC, var42 ASC, var43 ASC, this27.id ASC
      RETURN collect({conflicts: COLLECT {
        MATCH (this47:Entity)-[this48:(OCCURRED_BEFORE|FOLLOWED|OCCURRED_DURING)]->(this49:Entity)
        WHERE this48.id IN var46
        RETURN {id: this48.id} AS x
        ORDER BY this48.id ASC
      }, group: var41, node: {__typename: CASE
        WHEN this27:Actor THEN 'Actor'
        WHEN this27:Demand THEN 'Demand'
        WHEN this27:Meeting THEN 'Meeting'
        WHEN this27:Incident THEN 'Incident'
        WHEN this27:Statement THEN 'Statement'
        WHEN this27:Claim THEN 'Claim'
        WHEN this27:Position THEN 'Position'
      END, id: this27.id}, placedBy: COLLECT {
        MATCH (this50:Entity)-[this51:(OCCURRED_BEFORE|FOLLOWED|OCCURRED_DURING)]->(this52:Entity)
        WHERE this51.id IN var44
        RETURN {evidence: [var53 IN range(0, (size(coalesce(this51.sourceIds, [])) - 1)) | {framing: this51.framings[var53], quote: this51.quotes[var53], voice: this51.voices[var53]}], from: {__typename: CASE
          WHEN this50:Actor THEN 'Actor'
          WHEN this50:Demand THEN 'Demand'
          WHEN this50:Meeting THEN 'Meeting'
          WHEN this50:Incident THEN 'Incident'
          WHEN this50:Statement THEN 'Statement'
          WHEN this50:Claim THEN 'Claim'
          WHEN this50:Position THEN 'Position'
        END, id: this50.id}, id: this51.id, to: {__typename: CASE
          WHEN this52:Actor THEN 'Actor'
          WHEN this52:Demand THEN 'Demand'
          WHEN this52:Meeting THEN 'Meeting'
          WHEN this52:Incident THEN 'Incident'
          WHEN this52:Statement THEN 'Statement'
          WHEN this52:Claim THEN 'Claim'
          WHEN this52:Position THEN 'Position'
        END, id: this52.id}, type: type(this51)} AS x
        ORDER BY this51.id ASC
      }, rank: var42, rankEnd: var43}) AS result
      ---
      {
        "param0": "turkey",
        "param1": [
          "on_record"
        ],
        "param2": "turkey"
      }"
    `);
  });

  it('lists positions on demands of an issue, with their kind and the actor they count for', async () => {
    expect(
      await cypherOf(`{ positions(actor: "pakistan", issue: [GUARANTEES_PROCEDURE], on: "written-agreement") {
        rank kind for { id } position { id stance actor { id } on { id } } } }`),
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
      WHERE (this27:Position AND EXISTS {
        MATCH (:Actor { id: $param0 })<-[:REPRESENTS*0..1]-(:Actor)-[:HELD]->(this27)
      } AND EXISTS {
        MATCH (this27)-[:ON]->(this34:Demand)
        WHERE this34.issue IN $param1
      } AND EXISTS {
        (this27)-[:ON]->(this35:Entity { id: $param2 })
      })
      WITH this27, var28, var29, var31, var25, COLLECT {
        MATCH (this27)-[this36:(OCCURRED_BEFORE|FOLLOWED|OCCURRED_DURING)]-()
        RETURN this36.id
      } AS var37, CASE
        WHEN var33 = 0 THEN NULL
        ELSE this32.id
      END AS var38
      WITH this27, var38, CASE
        WHEN var38 IS NULL THEN NULL
        ELSE var28
      END AS var39, CASE
        WHEN var38 IS NULL THEN NULL
        ELSE var29
      END AS var40, var31 AS var41, [var42 IN var37 WHERE var42 IN var25] AS var43
      ORDER BY var39 IS NULL ASC, var39 ASC, var40 ASC, this27.id ASC
      RETURN collect({for: head(COLLECT {
        MATCH (this27)<-[:HELD]-(this44:Actor)-[:REPRESENTS*0..1]->(this45:Actor)
        WHERE this45.id = $param3
        RETURN {id: this45.id} AS x
        ORDER BY this45.id ASC
      }), kind: CASE
        WHEN this27.stance IN $param4 THEN 'role'
        ELSE 'stance'
      END, position: {actor: head(COLLECT {
        MATCH (this27)<-[this46:HELD]-(this47:Actor)
        RETURN {id: this47.id} AS x
        ORDER BY this47.id ASC
      }), id: this27.id, on: head(COLLECT {
        MATCH (this27)-[this48:ON]->(this49:Entity)
        RETURN {__typename: CASE
          WHEN this49:Actor THEN 'Actor'
          WHEN this49:Demand THEN 'Demand'
          WHEN this49:Meeting THEN 'Meeting'
          WHEN this49:Incident THEN 'Incident'
          WHEN this49:Statement THEN 'Statement'
          WHEN this49:Claim THEN 'Claim'
          WHEN this49:Position THEN 'Position'
        END, id: this49.id} AS x
        ORDER BY this49.id ASC
      }), stance: this27.stance}, rank: var39}) AS result
      ---
      {
        "param0": "pakistan",
        "param1": [
          "guarantees_procedure"
        ],
        "param2": "written-agreement",
        "param3": "pakistan",
        "param4": [
          "party",
          "mediator",
          "facilitator",
          "host",
          "broker",
          "supporter",
          "favoured"
        ]
      }"
    `);
  });
});

describe('disagreements', () => {
  it('unions the rules and the curated claims, each version with evidence from its reports', async () => {
    expect(
      await cypherOf(`{ disagreements(subject: "qatar") { kind rule subject { id } property
        versions { id value valueIds sources claim { id } evidence { voice framing source { id } } } } }`),
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
      RETURN collect({kind: kind, property: aspect, rule: rule, subject: {__typename: CASE
        WHEN this62:Actor THEN 'Actor'
        WHEN this62:Demand THEN 'Demand'
        WHEN this62:Meeting THEN 'Meeting'
        WHEN this62:Incident THEN 'Incident'
        WHEN this62:Statement THEN 'Statement'
        WHEN this62:Claim THEN 'Claim'
        WHEN this62:Position THEN 'Position'
      END, id: this62.id}, versions: [var64 IN versions | {claim: head(COLLECT {
        MATCH (this63:Claim { id: var64.id })
        WHERE kind = 'curated'
        RETURN {id: this63.id} AS x
      }), evidence: reduce(var65 = [], var66 IN var64.items | (var65 + [var67 IN range(0, (size(coalesce(var66.sourceIds, [])) - 1)) WHERE var66.sourceIds[var67] IN var64.sources | {framing: var66.framings[var67], source: {id: var66.sourceIds[var67]}, voice: var66.voices[var67]}])), id: var64.id, sources: var64.sources, value: var64.value, valueIds: var64.valueIds}]}) AS result
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
        "param4": "qatar"
      }"
    `);
  });

  it('leaves out the rules when only curated claims are asked', async () => {
    expect(await cypherOf(`{ disagreements(kind: [CURATED]) { property versions { value } } }`))
      .toMatchInlineSnapshot(`
      "CALL () {
        MATCH (this0:Claim)-[:ABOUT]->(this1:Entity)
        WITH this1, this0
        ORDER BY this0.value ASC, this0.id ASC
        WITH this1, this0.property AS var2, collect(this0) AS var3
        WHERE size(reduce(var4 = [], var5 IN var3 | CASE
          WHEN var5.value IN var4 THEN var4
          ELSE (var4 + [var5.value])
        END)) > 1
        RETURN 'curated' AS kind, NULL AS rule, this1 AS subject, var2 AS aspect, [var5 IN var3 | {id: var5.id, value: var5.value, valueIds: [var5.value], sources: var5.sourceIds, items: [var5]}] AS versions
      }
      WITH kind, rule, subject AS this6, aspect, versions
      WITH kind, rule, this6, aspect, versions
      ORDER BY kind DESC, rule ASC, this6.id ASC, aspect ASC
      RETURN collect({property: aspect, versions: [var7 IN versions | {value: var7.value}]}) AS result
      ---
      {}"
    `);
  });
});

describe('people count for whom they represent', () => {
  it('anchors madeBy and statedBy on the actor or a person representing it, and filters statements by voice', async () => {
    expect(await cypherOf(`{ demands(filter: { madeBy: "pakistan" }) { edges { node { id } } } }`))
      .toMatchInlineSnapshot(`
      "CALL {
        MATCH (:Actor { id: $param0 })<-[:REPRESENTS*0..1]-(:Actor)-[:DEMANDED]->(this0:Demand)
        WITH DISTINCT this0
        WITH this0
        ORDER BY this0.id ASC
        SKIP $param1
        LIMIT $param2
        RETURN collect({id: this0.id}) AS page
      }
      RETURN page
      ---
      {
        "param0": "pakistan",
        "param1": "int(0)",
        "param2": "int(21)"
      }"
    `);
    expect(
      await cypherOf(`{ statements(filter: { statedBy: "afghanistan", voice: { framing: [ON_RECORD, CONFIRMED], actorsOnly: true } }) {
        edges { node { id } } } }`),
    ).toMatchInlineSnapshot(`
      "CALL {
        MATCH (:Actor { id: $param0 })<-[:REPRESENTS*0..1]-(:Actor)-[:STATED]->(this0:Statement)
        WITH DISTINCT this0
        WHERE any(var1 IN range(0, (size(coalesce(this0.quotes, [])) - 1)) WHERE (this0.framings[var1] IN $param1 AND EXISTS {
          MATCH (this2:Actor)
          WHERE this2.id = this0.voices[var1]
        }))
        WITH this0
        ORDER BY this0.id ASC
        SKIP $param2
        LIMIT $param3
        RETURN collect({id: this0.id}) AS page
      }
      RETURN page
      ---
      {
        "param0": "afghanistan",
        "param1": [
          "on_record",
          "confirmed"
        ],
        "param2": "int(0)",
        "param3": "int(21)"
      }"
    `);
  });

  it('counts demand stats per represented actor, naming those it counts through', async () => {
    expect(await cypherOf(`{ demandStats { actor { id } through { id } made rejected } }`))
      .toMatchInlineSnapshot(`
      "MATCH (this0:Actor)<-[:REPRESENTS*0..1]-(this1:Actor)-[:DEMANDED]->(this2:Demand)
      WHERE NOT (EXISTS {
        (this0)-[:REPRESENTS]->()
      })
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
      RETURN collect({actor: {id: this0.id}, made: var5, rejected: var6, through: [this10 IN var4 WHERE this10 <> this0 | {id: this10.id}]}) AS result
      ---
      {}"
    `);
  });
});
