/**
 * The README's example queries, verbatim: tests/readme.test.ts checks the README shows
 * exactly these, and the API tests check their answers.
 */
export const README_QUERIES = {
  rejectedDemands: `{
  demands(filter: { madeBy: "pakistan", rejectedBy: "afghanistan" }) {
    totalCount
    edges {
      node {
        id
        summary
        rejectedBy {
          node { name }
          reason
          evidence { quote source { id outlet } }
        }
        raisedAt {
          node {
            name
            mediators { node { name } role evidence { source { id } } }
          }
        }
      }
    }
  }
}`,
  incidentsNearMeetings: `{
  incidents(filter: { withinDaysOfMeeting: 7 }) {
    edges {
      node {
        id
        summary
        date { text precision }
        killed
        injured
        during { node { name } evidence { quote source { id } } }
        blamed { node { name } blamedBy { name } evidence { quote source { id } } }
        evidence { quote source { id outlet byline } }
      }
    }
  }
}`,
  ttpMediators: `{
  actor(id: "ttp") {
    name
    demandsAbout {
      node {
        summary
        raisedAt {
          node {
            name
            mediators { node { name } role evidence { quote source { id } } }
          }
        }
      }
      evidence { quote source { id } }
    }
  }
}`,
  turkeyTimeline: `{
  timeline(actor: "turkey") {
    rank
    rankEnd
    group
    node {
      __typename
      id
      ... on Meeting { name }
      ... on Position { stance summary }
      ... on Statement { summary }
    }
    placedBy { type from { id } to { id } evidence { quote voice framing source { id } } }
  }
}`,
  turkeyRoles: `{
  positions(actor: "turkey") {
    rank
    kind
    for { name }
    position {
      stance
      summary
      on { id }
      actor { name }
      evidence { quote voice framing source { id } }
    }
  }
}`,
  computedDisagreements: `{
  disagreements(kind: [RULE]) {
    rule
    subject { id }
    property
    versions { value sources evidence { quote voice framing } }
  }
}`,
} as const;
