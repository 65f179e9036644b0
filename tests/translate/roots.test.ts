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
        MATCH (:Actor { id: $param0 })-[:DEMANDED]->(this0:Demand)
        WITH DISTINCT this0
        WHERE (EXISTS {
          MATCH (:Actor { id: $param1 })<-[:ADDRESSED_TO]-(this0)
        } AND EXISTS {
          MATCH (:Actor { id: $param2 })-[:REJECTED]->(this0)
        } AND EXISTS {
          MATCH (:Actor { id: $param3 })<-[:CONCERNS]-(this0)
        } AND EXISTS {
          MATCH (:Meeting { id: $param4 })<-[:RAISED_AT]-(this0)
        } AND (toLower(coalesce(this0.summary, '')) CONTAINS $param5 AND this0.issue IN $param6 AND $param7 IN this0.sourceIds))
        RETURN count(this0) AS totalCount
      }
      CALL {
        MATCH (:Actor { id: $param0 })-[:DEMANDED]->(this0:Demand)
        WITH DISTINCT this0
        WHERE (EXISTS {
          MATCH (:Actor { id: $param1 })<-[:ADDRESSED_TO]-(this0)
        } AND EXISTS {
          MATCH (:Actor { id: $param2 })-[:REJECTED]->(this0)
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
        MATCH (:Actor { id: $param0 })-[:STATED]->(this0:Statement)
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

  it('places events on the timeline', async () => {
    expect(
      await cypherOf(`{ timeline(actor: "pakistan", otherActor: "afghanistan") {
        sequence anchor { id } date { text precision } node { id } } }`),
    ).toMatchInlineSnapshot(`
      "MATCH (this0:Entity)
      WHERE ((this0:Meeting OR this0:Incident OR this0:Statement) AND EXISTS {
        MATCH (this0)-[this1]-(this2:Actor)
        WHERE (type(this1) <> 'REPORTED_BY' AND (this2.id = $param0 OR EXISTS {
          (this2)-[:REPRESENTS]->(:Actor { id: $param0 })
        }))
      } AND EXISTS {
        MATCH (this0)-[this3]-(this4:Actor)
        WHERE (type(this3) <> 'REPORTED_BY' AND (this4.id = $param1 OR EXISTS {
          (this4)-[:REPRESENTS]->(:Actor { id: $param1 })
        }))
      })
      WITH this0, CASE
        WHEN this0:Meeting THEN this0
        ELSE head(COLLECT {
          MATCH (this0)-[:(OCCURRED_BEFORE|OCCURRED_DURING|RAISED_AT|ABOUT)]->(this5:Meeting)
          RETURN this5
          ORDER BY this5.id ASC
        })
      END AS this6
      WITH this0, this6, CASE
        WHEN this6 IS NULL THEN NULL
        ELSE ((3 * COUNT {
          MATCH (this6)-[:FOLLOWED*1..20]->(this7:Meeting)
          RETURN DISTINCT this7
        }) + CASE
          WHEN this0:Meeting THEN 1
          WHEN EXISTS {
            (this0)-[:OCCURRED_BEFORE]->(this6)
          } THEN 0
          ELSE 2
        END)
      END AS var8
      ORDER BY var8 ASC, this0.id ASC
      RETURN collect({anchor: CASE
        WHEN this6 IS NULL THEN NULL
        ELSE {id: this6.id}
      END, date: CASE
        WHEN this0.dateText IS NULL THEN NULL
        ELSE {precision: this0.datePrecision, text: this0.dateText}
      END, node: {__typename: CASE
        WHEN this0:Actor THEN 'Actor'
        WHEN this0:Demand THEN 'Demand'
        WHEN this0:Meeting THEN 'Meeting'
        WHEN this0:Incident THEN 'Incident'
        WHEN this0:Statement THEN 'Statement'
        WHEN this0:Claim THEN 'Claim'
        WHEN this0:Position THEN 'Position'
      END, id: this0.id}, sequence: var8}) AS result
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
      "MATCH (this0:Claim)-[:ABOUT]->(this1:Entity)
      WHERE this1.id = $param0
      WITH this1, this0.property AS var2, count(DISTINCT this0.value) AS var3
      WHERE var3 > 1
      WITH this1, var2
      ORDER BY this1.id ASC, var2 ASC
      RETURN collect({property: var2, subject: {__typename: CASE
        WHEN this1:Actor THEN 'Actor'
        WHEN this1:Demand THEN 'Demand'
        WHEN this1:Meeting THEN 'Meeting'
        WHEN this1:Incident THEN 'Incident'
        WHEN this1:Statement THEN 'Statement'
        WHEN this1:Claim THEN 'Claim'
        WHEN this1:Position THEN 'Position'
      END, id: this1.id}, versions: COLLECT {
        MATCH (this4:Claim)-[:ABOUT]->(this1)
        WHERE this4.property = var2
        RETURN {evidence: [var5 IN range(0, (size(coalesce(this4.sourceIds, [])) - 1)) | {source: {id: this4.sourceIds[var5]}}], value: this4.value} AS x
        ORDER BY this4.value ASC
      }}) AS result
      ---
      {
        "param0": "istanbul-talks"
      }"
    `);
  });

  it('counts demand responses per actor', async () => {
    expect(
      await cypherOf(`{ demandStats(actor: "pakistan") { actor { id } made rejected accepted
        countered unanswered shareRejected } }`),
    ).toMatchInlineSnapshot(`
      "MATCH (this0:Actor)-[:DEMANDED]->(this1:Demand)
      WHERE this0.id = $param0
      WITH this0, collect(DISTINCT this1) AS var2
      WITH this0, size(var2) AS var3, size([this1 IN var2 WHERE EXISTS {
        (this1)<-[:REJECTED]-()
      }]) AS var4, size([this1 IN var2 WHERE EXISTS {
        (this1)<-[:ACCEPTED]-()
      }]) AS var5, size([this1 IN var2 WHERE EXISTS {
        (this1)<-[:COUNTERED]-()
      }]) AS var6, size([this1 IN var2 WHERE NOT (EXISTS {
        (this1)<-[:(REJECTED|ACCEPTED|COUNTERED)]-()
      })]) AS var7
      ORDER BY this0.id ASC
      RETURN collect({accepted: var5, actor: {id: this0.id}, countered: var6, made: var3, rejected: var4, shareRejected: CASE var3
        WHEN 0 THEN 0
        ELSE (toFloat(var4) / var3)
      END, unanswered: var7}) AS result
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
