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
      WITH var1, var4, var12, (var12 + [var8 IN range(0, (var4 - 1)) | [var8, (var4 + var8), 0, NULL]]) AS var13
      WITH var1, var4, var12, size(var13) AS var14, [var15 IN range(0, ((2 * var4) - 1)) | [var11 IN var13 WHERE var11[1] = var15]] AS var16
      WITH var1, var4, var12, var16, reduce(var17 = [var15 IN range(0, ((2 * var4) - 1)) | 0], var18 IN range(0, var14) | [var15 IN range(0, ((2 * var4) - 1)) | reduce(var19 = var17[var15], var11 IN var16[var15] | CASE
        WHEN (var17[var11[0]] + var11[2]) > var19 THEN (var17[var11[0]] + var11[2])
        ELSE var19
      END)]) AS var17
      WITH var1, var4, var16, var17, [var11 IN var12 WHERE var17[var11[1]] < (var17[var11[0]] + var11[2]) | var11[3]] AS var20
      UNWIND range(0, (var4 - 1)) AS var21
      WITH var1[var21] AS this22, var17[var21] AS var23, var17[(var4 + var21)] AS var24, [var25 IN var16[var21] WHERE (var25[3] IS NOT NULL AND var17[var21] > 0 AND (var17[var25[0]] + var25[2]) = var17[var21]) | var25[3]] AS var26, var20
      WHERE (EXISTS {
        MATCH (this22)-[this27]-(this28:Actor)
        WHERE (type(this27) <> 'REPORTED_BY' AND (this28.id = $param0 OR EXISTS {
          (this28)-[:REPRESENTS]->(:Actor { id: $param0 })
        }))
      } AND any(var29 IN range(0, (size(coalesce(this22.quotes, [])) - 1)) WHERE (this22.framings[var29] IN $param1 AND this22.voices[var29] IN ([$param2] + COLLECT {
        MATCH (this30:Actor)-[:REPRESENTS]->(:Actor { id: $param2 })
        RETURN this30.id
      }) AND EXISTS {
        MATCH (this31:Actor)
        WHERE this31.id = this22.voices[var29]
      })))
      WITH this22, var23, var24, var26, var20, COLLECT {
        MATCH (this22)-[:(OCCURRED_BEFORE|FOLLOWED|OCCURRED_DURING)*1..12]-(this32:Entity)
        RETURN DISTINCT this32.id
      } AS var33, COLLECT {
        MATCH (this22)-[this34:(OCCURRED_BEFORE|FOLLOWED|OCCURRED_DURING)]-()
        RETURN this34.id
      } AS var35
      WITH this22, var23, var24, var26, var20, var35, CASE
        WHEN size(var33) = 0 THEN NULL
        ELSE reduce(var36 = this22.id, var37 IN var33 | CASE
          WHEN var37 < var36 THEN var37
          ELSE var36
        END)
      END AS var38
      WITH this22, var38, CASE
        WHEN var38 IS NULL THEN NULL
        ELSE var23
      END AS var39, CASE
        WHEN var38 IS NULL THEN NULL
        ELSE var24
      END AS var40, var26 AS var41, [var36 IN var35 WHERE var36 IN var20] AS var42
      ORDER BY var39 IS NULL ASC, var39 ASC, var40 ASC, this22.id ASC
      RETURN collect({conflicts: COLLECT {
        MATCH (this43:Entity)-[this44:(OCCURRED_BEFORE|FOLLOWED|OCCURRED_DURING)]->(this45:Entity)
        WHERE this44.id IN var42
        RETURN {id: this44.id} AS x
        ORDER BY this44.id ASC
      }, group: var38, node: {__typename: CASE
        WHEN this22:Actor THEN 'Actor'
        WHEN this22:Demand THEN 'Demand'
        WHEN this22:Meeting THEN 'Meeting'
        WHEN this22:Incident THEN 'Incident'
        WHEN this22:Statement THEN 'Statement'
        WHEN this22:Claim THEN 'Claim'
        WHEN this22:Position THEN 'Position'
      END, id: this22.id}, placedBy: COLLECT {
        MATCH (this46:Entity)-[this47:(OCCURRED_BEFORE|FOLLOWED|OCCURRED_DURING)]->(this48:Entity)
        WHERE this47.id IN var41
        RETURN {evidence: [var49 IN range(0, (size(coalesce(this47.sourceIds, [])) - 1)) | {framing: this47.framings[var49], quote: this47.quotes[var49], voice: this47.voices[var49]}], from: {__typename: CASE
          WHEN this46:Actor THEN 'Actor'
          WHEN this46:Demand THEN 'Demand'
          WHEN this46:Meeting THEN 'Meeting'
          WHEN this46:Incident THEN 'Incident'
          WHEN this46:Statement THEN 'Statement'
          WHEN this46:Claim THEN 'Claim'
          WHEN this46:Position THEN 'Position'
        END, id: this46.id}, id: this47.id, to: {__typename: CASE
          WHEN this48:Actor THEN 'Actor'
          WHEN this48:Demand THEN 'Demand'
          WHEN this48:Meeting THEN 'Meeting'
          WHEN this48:Incident THEN 'Incident'
          WHEN this48:Statement THEN 'Statement'
          WHEN this48:Claim THEN 'Claim'
          WHEN this48:Position THEN 'Position'
        END, id: this48.id}, type: type(this47)} AS x
        ORDER BY this47.id ASC
      }, rank: var39, rankEnd: var40}) AS result
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
      WITH var1, var4, var12, (var12 + [var8 IN range(0, (var4 - 1)) | [var8, (var4 + var8), 0, NULL]]) AS var13
      WITH var1, var4, var12, size(var13) AS var14, [var15 IN range(0, ((2 * var4) - 1)) | [var11 IN var13 WHERE var11[1] = var15]] AS var16
      WITH var1, var4, var12, var16, reduce(var17 = [var15 IN range(0, ((2 * var4) - 1)) | 0], var18 IN range(0, var14) | [var15 IN range(0, ((2 * var4) - 1)) | reduce(var19 = var17[var15], var11 IN var16[var15] | CASE
        WHEN (var17[var11[0]] + var11[2]) > var19 THEN (var17[var11[0]] + var11[2])
        ELSE var19
      END)]) AS var17
      WITH var1, var4, var16, var17, [var11 IN var12 WHERE var17[var11[1]] < (var17[var11[0]] + var11[2]) | var11[3]] AS var20
      UNWIND range(0, (var4 - 1)) AS var21
      WITH var1[var21] AS this22, var17[var21] AS var23, var17[(var4 + var21)] AS var24, [var25 IN var16[var21] WHERE (var25[3] IS NOT NULL AND var17[var21] > 0 AND (var17[var25[0]] + var25[2]) = var17[var21]) | var25[3]] AS var26, var20
      WHERE (this22:Position AND EXISTS {
        MATCH (:Actor { id: $param0 })<-[:REPRESENTS*0..1]-(:Actor)-[:HELD]->(this22)
      } AND EXISTS {
        MATCH (this22)-[:ON]->(this27:Demand)
        WHERE this27.issue IN $param1
      } AND EXISTS {
        (this22)-[:ON]->(this28:Entity { id: $param2 })
      })
      WITH this22, var23, var24, var26, var20, COLLECT {
        MATCH (this22)-[:(OCCURRED_BEFORE|FOLLOWED|OCCURRED_DURING)*1..12]-(this29:Entity)
        RETURN DISTINCT this29.id
      } AS var30, COLLECT {
        MATCH (this22)-[this31:(OCCURRED_BEFORE|FOLLOWED|OCCURRED_DURING)]-()
        RETURN this31.id
      } AS var32
      WITH this22, var23, var24, var26, var20, var32, CASE
        WHEN size(var30) = 0 THEN NULL
        ELSE reduce(var33 = this22.id, var34 IN var30 | CASE
          WHEN var34 < var33 THEN var34
          ELSE var33
        END)
      END AS var35
      WITH this22, var35, CASE
        WHEN var35 IS NULL THEN NULL
        ELSE var23
      END AS var36, CASE
        WHEN var35 IS NULL THEN NULL
        ELSE var24
      END AS var37, var26 AS var38, [var33 IN var32 WHERE var33 IN var20] AS var39
      ORDER BY var36 IS NULL ASC, var36 ASC, var37 ASC, this22.id ASC
      RETURN collect({for: head(COLLECT {
        MATCH (this22)<-[:HELD]-(this40:Actor)-[:REPRESENTS*0..1]->(this41:Actor)
        WHERE this41.id = $param3
        RETURN {id: this41.id} AS x
        ORDER BY this41.id ASC
      }), kind: CASE
        WHEN this22.stance IN $param4 THEN 'role'
        ELSE 'stance'
      END, position: {actor: head(COLLECT {
        MATCH (this22)<-[this42:HELD]-(this43:Actor)
        RETURN {id: this43.id} AS x
        ORDER BY this43.id ASC
      }), id: this22.id, on: head(COLLECT {
        MATCH (this22)-[this44:ON]->(this45:Entity)
        RETURN {__typename: CASE
          WHEN this45:Actor THEN 'Actor'
          WHEN this45:Demand THEN 'Demand'
          WHEN this45:Meeting THEN 'Meeting'
          WHEN this45:Incident THEN 'Incident'
          WHEN this45:Statement THEN 'Statement'
          WHEN this45:Claim THEN 'Claim'
          WHEN this45:Position THEN 'Position'
        END, id: this45.id} AS x
        ORDER BY this45.id ASC
      }), stance: this22.stance}, rank: var36}) AS result
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
        MATCH
          (this13:Actor)-[:HELD]->(this14:Position)-[:ON]->(this15:Demand),
          (this16:Actor)-[:HELD]->(this17:Position)-[:ON]->(this18:Demand)
        WHERE (this14.stance IN $param0 AND this17.stance IN $param1 AND (this15 = this18 OR this15.issue = this18.issue) AND none(var19 IN this14.sourceIds WHERE var19 IN this17.sourceIds))
        WITH *, ([this13.id] + COLLECT {
          MATCH (this13)-[:REPRESENTS]->(this20:Actor)
          RETURN this20.id
        }) AS var21, ([this16.id] + COLLECT {
          MATCH (this16)-[:REPRESENTS]->(this22:Actor)
          RETURN this22.id
        }) AS var23
        WHERE (any(var24 IN var21 WHERE var24 IN var23) AND (this15 = this18 OR EXISTS {
          MATCH (this25:Actor)
          WHERE (EXISTS {
            (this25)<-[:REPRESENTS*0..1]-(:Actor)-[:DEMANDED]->(this15)
          } AND EXISTS {
            (this25)<-[:REPRESENTS*0..1]-(:Actor)-[:DEMANDED]->(this18)
          })
        }) AND NOT (EXISTS {
          MATCH p26 = (this14)-[:(OCCURRED_BEFORE|FOLLOWED|OCCURRED_DURING)*1..8]-(this17)
          WHERE any(this27 IN relationships(p26) WHERE type(this27) <> 'OCCURRED_DURING')
        }))
        UNWIND [[this14, this15], [this17, this18]] AS var28
        WITH DISTINCT head([var24 IN var21 WHERE var24 IN var23]) AS var29, this15.issue AS var30, var28[0] AS var31, var28[1] AS var32
        WITH var29, var30, var31, var32
        ORDER BY var31.stance ASC, var32.id ASC
        WITH var29, var30, collect({id: var31.id, value: (var31.stance + ' ' + var32.id), valueIds: [var31.stance, var32.id], sources: var31.sourceIds, items: [var31]}) AS var33
        MATCH (this34:Actor { id: var29 })
        RETURN 'rule' AS kind, 'stances' AS rule, this34 AS subject, ('stance on ' + var30 + ' demands') AS aspect, var33 AS versions
        UNION ALL
        MATCH
          (this35:Actor)-[:HELD]->(this36:Position)-[:ON]->(this37:Actor),
          (this35)-[:HELD]->(this38:Position)-[:ON]->(this39:Actor)
        WHERE (this36.stance IN $param2 AND this38.stance IN $param3 AND this37.id < this39.id AND EXISTS {
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
    expect(
      await cypherOf(`{ disagreements(kind: [CURATED]) { property versions { value } } }`),
    ).toMatchInlineSnapshot(`
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
    expect(
      await cypherOf(`{ demands(filter: { madeBy: "pakistan" }) { edges { node { id } } } }`),
    ).toMatchInlineSnapshot(`
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
    expect(
      await cypherOf(`{ demandStats { actor { id } through { id } made rejected } }`),
    ).toMatchInlineSnapshot(`
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
