/**
 * The six relational questions of the benchmark, each asked three ways with the same
 * answer: our GraphQL API, hand-written Cypher (the limit), and @neo4j/graphql (the peer).
 * All target negotiation 0, which has the same shape at every data size, except Q6, a
 * global filtered page whose work grows with the data.
 */
export interface Question {
  id: string;
  title: string;
  ours: string;
  limit: { cypher: string; params: Record<string, unknown> };
  peer: string;
}

const EVIDENCE = 'evidence { quote source { id } }';

export const QUESTIONS: Question[] = [
  {
    id: 'Q1',
    title: "Party 0's demands rejected by party 1, where, mediated by whom, with sources",
    ours: `{ demands(filter: { madeBy: "n0-a0", rejectedBy: "n0-a1" }) { edges { node { id summary
      rejectedBy { node { name } reason ${EVIDENCE} }
      raisedAt { node { name mediators { node { name } role ${EVIDENCE} } } } } } } }`,
    limit: {
      cypher: `MATCH (:Actor {id: $a})-[:DEMANDED]->(d:Demand)<-[r:REJECTED]-(b:Actor {id: $b})
        WITH d, r, b ORDER BY d.id
        RETURN d.id AS id, d.summary AS summary, b.name AS rejectedBy, r.reason AS reason, r.quotes AS quotes, r.sourceIds AS sources,
          COLLECT { MATCH (d)-[:RAISED_AT]->(m:Meeting) RETURN {name: m.name,
            mediators: COLLECT { MATCH (m)<-[x:MEDIATED]-(a:Actor) RETURN {name: a.name, role: x.role, sources: x.sourceIds, quotes: x.quotes} }} } AS raisedAt`,
      params: { a: 'n0-a0', b: 'n0-a1' },
    },
    peer: `{ demands(where: { madeBy: { some: { id: { eq: "n0-a0" } } }, rejectedBy: { some: { id: { eq: "n0-a1" } } } }, sort: [{ id: ASC }]) { id summary
      rejectedByConnection { edges { node { name } properties { reason quotes sourceIds } } }
      raisedAt { name mediatorsConnection { edges { node { name } properties { role quotes sourceIds } } } } } }`,
  },
  {
    id: 'Q2',
    title: 'Incidents during meetings for which party 1 is blamed, blamed by whom, with sources',
    ours: `{ incidents(filter: { blamed: "n0-a1", withinDaysOfMeeting: 7 }) { edges { node { id summary killed
      during { node { name } } blamed { node { name } blamedBy { name } ${EVIDENCE} } ${EVIDENCE} } } } }`,
    limit: {
      cypher: `MATCH (:Actor {id: $a})-[:BLAMED_FOR]->(i:Incident)-[:OCCURRED_DURING]->(m:Meeting)
        WITH DISTINCT i ORDER BY i.id
        RETURN i.id AS id, i.summary AS summary, i.killed AS killed, i.quotes AS quotes, i.sourceIds AS sources,
          COLLECT { MATCH (i)-[:OCCURRED_DURING]->(m:Meeting) RETURN m.name } AS during,
          COLLECT { MATCH (x:Actor)-[b:BLAMED_FOR]->(i) OPTIONAL MATCH (by:Actor {id: b.blamedBy}) RETURN {name: x.name, blamedBy: by.name, quotes: b.quotes, sources: b.sourceIds} } AS blamed`,
      params: { a: 'n0-a1' },
    },
    // Every synthetic incident happens during a meeting, so the peer needs no filter on `during`.
    peer: `{ incidents(where: { blamed: { some: { id: { eq: "n0-a1" } } } }, sort: [{ id: ASC }]) { id summary killed quotes sourceIds
      during { name } blamedConnection { edges { node { name } properties { blamedBy quotes sourceIds } } } } }`,
  },
  {
    id: 'Q3',
    title: 'Mediators of meetings where a demand about the armed group was raised',
    ours: `{ actor(id: "n0-a6") { name demandsAbout { node { summary raisedAt { node { name mediators { node { name } role ${EVIDENCE} } } } } } } }`,
    limit: {
      cypher: `MATCH (g:Actor {id: $g})
        RETURN g.name AS name, COLLECT { MATCH (d:Demand)-[:CONCERNS]->(g) RETURN {summary: d.summary,
          raisedAt: COLLECT { MATCH (d)-[:RAISED_AT]->(m:Meeting) RETURN {name: m.name,
            mediators: COLLECT { MATCH (m)<-[x:MEDIATED]-(a:Actor) RETURN {name: a.name, role: x.role, quotes: x.quotes, sources: x.sourceIds} }} }} } AS demands`,
      params: { g: 'n0-a6' },
    },
    peer: `{ actors(where: { id: { eq: "n0-a6" } }) { name demandsAbout { summary raisedAt { name
      mediatorsConnection { edges { node { name } properties { role quotes sourceIds } } } } } } }`,
  },
  {
    id: 'Q4',
    title: 'An actor and the demands it made, with sources',
    ours: `{ actor(id: "n0-a0") { name kind demandsMade { node { id summary issue } ${EVIDENCE} } ${EVIDENCE} } }`,
    limit: {
      cypher: `MATCH (a:Actor {id: $a})
        RETURN a.name AS name, a.kind AS kind, a.quotes AS quotes, a.sourceIds AS sources,
          COLLECT { MATCH (a)-[r:DEMANDED]->(d:Demand) RETURN {id: d.id, summary: d.summary, issue: d.issue, quotes: r.quotes, sources: r.sourceIds} } AS demands`,
      params: { a: 'n0-a0' },
    },
    peer: `{ actors(where: { id: { eq: "n0-a0" } }) { name kind quotes sourceIds
      demandsMadeConnection { edges { node { id summary issue } properties { quotes sourceIds } } } } }`,
  },
  {
    id: 'Q5',
    title: 'A meeting: parties, mediators, demands raised, incidents during it',
    ours: `{ meeting(id: "n0-m2") { name parties { node { name } role } mediators { node { name } role ${EVIDENCE} }
      demandsRaised { node { id summary } } incidentsDuring { node { id summary killed } } } }`,
    limit: {
      cypher: `MATCH (m:Meeting {id: $m})
        RETURN m.name AS name,
          COLLECT { MATCH (m)<-[r:ATTENDED]-(a:Actor) RETURN {name: a.name, role: r.role} } AS parties,
          COLLECT { MATCH (m)<-[r:MEDIATED]-(a:Actor) RETURN {name: a.name, role: r.role, quotes: r.quotes, sources: r.sourceIds} } AS mediators,
          COLLECT { MATCH (m)<-[:RAISED_AT]-(d:Demand) RETURN {id: d.id, summary: d.summary} } AS demands,
          COLLECT { MATCH (m)<-[:OCCURRED_DURING]-(i:Incident) RETURN {id: i.id, summary: i.summary, killed: i.killed} } AS incidents`,
      params: { m: 'n0-m2' },
    },
    peer: `{ meetings(where: { id: { eq: "n0-m2" } }) { name partiesConnection { edges { node { name } properties { role } } }
      mediatorsConnection { edges { node { name } properties { role quotes sourceIds } } }
      demandsRaised { id summary } incidentsDuring { id summary killed } } }`,
  },
  {
    id: 'Q6',
    title: 'First page of security demands (global list with total count), with who made them',
    ours: `{ demands(filter: { issue: [SECURITY] }, first: 20) { totalCount edges { node { id summary madeBy { node { name } } } } } }`,
    limit: {
      cypher: `CALL { MATCH (d:Demand) WHERE d.issue = $issue RETURN count(d) AS total }
        MATCH (d:Demand) WHERE d.issue = $issue
        WITH total, d ORDER BY d.id LIMIT 20
        RETURN total, d.id AS id, d.summary AS summary, COLLECT { MATCH (a:Actor)-[:DEMANDED]->(d) RETURN a.name } AS madeBy`,
      params: { issue: 'security' },
    },
    peer: `{ demandsConnection(where: { issue: { eq: "security" } }, first: 20, sort: [{ id: ASC }]) { totalCount edges { node { id summary madeBy { name } } } } }`,
  },
];
