/** The explorer's only data source: the project's GraphQL API at /graphql. */

export interface GraphNode {
  id: string;
  kind: Kind;
  label: string;
  sources: string[];
  disputed: boolean;
}
export interface GraphEdge {
  id: string;
  type: string;
  from: string;
  to: string;
  sources: string[];
}
export type Kind = 'ACTOR' | 'DEMAND' | 'MEETING' | 'INCIDENT' | 'STATEMENT' | 'CLAIM' | 'SOURCE';

/** The last query sent, for "Open this query in GraphiQL". */
export let lastQuery: { query: string; variables: Record<string, unknown> } = {
  query: '',
  variables: {},
};
const listeners: (() => void)[] = [];
export const onQuery = (fn: () => void) => listeners.push(fn);

export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  lastQuery = { query, variables };
  listeners.forEach((fn) => fn());
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  if (!body.data) throw new Error(`No data (HTTP ${res.status})`);
  return body.data;
}

export function graphiqlUrl(): string {
  const params = new URLSearchParams({ query: lastQuery.query });
  if (Object.keys(lastQuery.variables).length > 0)
    params.set('variables', JSON.stringify(lastQuery.variables, null, 2));
  return `/graphql?${params.toString()}`;
}

export const GRAPH_QUERY = `query Graph($kinds: [NodeKind!], $source: ID, $actor: ID, $around: ID) {
  graph(kinds: $kinds, source: $source, actor: $actor, around: $around) {
    truncated
    nodes { id kind label sources disputed }
    edges { id type from to sources }
  }
}`;

export const FILTERS_QUERY = `{
  actors(first: 100) { edges { node { id name } } }
  sources { id title outlet byline dateline published }
  disagreements { subject { id } property versions { value evidence { source { id } } } }
}`;

const EVIDENCE = `evidence { quote source { id title outlet } }`;
const EDGE = `type role reason note blamedBy { name } evidence { quote source { id } }`;
export const DETAILS_QUERY = `query Details($id: ID!) {
  node(id: $id) {
    __typename id ${EVIDENCE}
    ... on Actor { name actorKind: kind aliases role
      demandsMade { node { id summary } ${EDGE} } demandsRejected { node { id summary } ${EDGE} }
      meetingsAttended { node { id name } ${EDGE} } meetingsMediated { node { id name } ${EDGE} }
      incidentsBlamedFor { node { id summary } ${EDGE} } statements { node { id summary } ${EDGE} }
      represents { node { id name } ${EDGE} } representedBy { node { id name } ${EDGE} } }
    ... on Demand { summary issue
      madeBy { node { id name } ${EDGE} } addressedTo { node { id name } ${EDGE} } concerns { node { id name } ${EDGE} }
      rejectedBy { node { id name } ${EDGE} } counteredBy { node { id name } ${EDGE} } raisedAt { node { id name } ${EDGE} } }
    ... on Meeting { name meetingKind: kind place outcome date { text precision }
      parties { node { id name } ${EDGE} } mediators { node { id name } ${EDGE} } hosts { node { id name } ${EDGE} }
      demandsRaised { node { id summary } ${EDGE} } incidentsDuring { node { id summary } ${EDGE} }
      claims { property value evidence { source { id } } } }
    ... on Incident { summary incidentKind: kind place killed injured casualtiesText date { text precision }
      blamed { node { id name } ${EDGE} } during { node { id name } ${EDGE} } before { node { id name } ${EDGE} } }
    ... on Statement { summary statementKind: kind date { text precision }
      statedBy { node { id name } ${EDGE} } addressedTo { node { id name } ${EDGE} } raisedAt { node { id name } ${EDGE} } }
    ... on Claim { property value subject { id } }
  }
}`;

export const SOURCE_QUERY = `query Source($id: ID!) { source(id: $id) { id title outlet byline dateline published originNote statesCount } }`;

export const SEARCH_QUERY = `query Search($text: String!) { search(text: $text, first: 12) { score node { __typename id
  ... on Actor { name } ... on Demand { summary } ... on Meeting { name } ... on Incident { summary }
  ... on Statement { summary } ... on Claim { value } } } }`;

export const TIMELINE_QUERY = `{ timeline { sequence anchor { id } date { text precision } node { __typename id
  ... on Meeting { name place } ... on Incident { summary place } } } }`;
