/** The explorer's only data source: the project's GraphQL API at /graphql. */

export type Kind = 'ACTOR' | 'DEMAND' | 'MEETING' | 'INCIDENT' | 'STATEMENT' | 'CLAIM' | 'SOURCE';
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

/** The query behind what is on screen, for "Open in GraphiQL". */
let screenQuery: { query: string; variables: Record<string, unknown> } = {
  query: '',
  variables: {},
};
const listeners: (() => void)[] = [];
export const onScreenQuery = (fn: () => void) => listeners.push(fn);

/**
 * Runs a query. Unless `screen` is false it becomes the query behind the screen.
 * Errors carry the server's messages.
 */
export async function gql<T>(
  query: string,
  variables: Record<string, unknown> = {},
  screen = true,
): Promise<T> {
  if (screen) {
    screenQuery = { query, variables };
    listeners.forEach((fn) => fn());
  }
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

/** Enum types used in the explorer's variables: their values print unquoted. */
const ENUMS = new Set(['NodeKind', 'Issue', 'DatePrecision', 'ActorKind', 'SortDirection']);

function literal(value: unknown, type: string): string {
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, type)).join(', ')}]`;
  if (typeof value === 'string' && ENUMS.has(type)) return value;
  return JSON.stringify(value);
}

/**
 * The query with the screen's variable values written in as the variables' defaults
 * (`$text: String! = "buffer zone"`): GraphiQL served by the server takes the query from
 * the URL but not the variables, so the defaults carry them and the query runs as is.
 * The `variables` parameter is kept too, for GraphiQL builds that read it.
 */
export function withDefaults(query: string, variables: Record<string, unknown>): string {
  return query.replace(
    /\$(\w+)\s*:\s*(\[?\s*(\w+)\s*!?\s*\]?\s*!?)/g,
    (all, name: string, type: string, base: string) =>
      name in variables && variables[name] !== undefined
        ? `$${name}: ${type.trim()} = ${literal(variables[name], base)}`
        : all,
  );
}

export function graphiqlUrl(): string {
  const { query, variables } = screenQuery;
  const params = new URLSearchParams({ query: withDefaults(query, variables) });
  if (Object.keys(variables).length > 0)
    params.set('variables', JSON.stringify(variables, null, 2));
  return `/graphql?${params.toString()}`;
}

export const GRAPH_QUERY = `query Graph($kinds: [NodeKind!], $source: ID, $actor: ID, $around: ID) {
  graph(kinds: $kinds, source: $source, actor: $actor, around: $around) {
    truncated
    nodes { id kind label sources disputed }
    edges { id type from to sources }
  }
}`;

export const SEARCH_QUERY = `query Search($text: String!) {
  search(text: $text, first: 12) {
    score
    node { __typename id
      ... on Actor { name } ... on Demand { summary } ... on Meeting { name }
      ... on Incident { summary } ... on Statement { summary } ... on Claim { value } }
  }
}`;

export const CONNECTIONS_QUERY = `query Connections($from: ID!, $to: ID!) {
  connections(from: $from, to: $to) { length steps { type from { id } to { id } } }
}`;

/** A node's display name, whatever its type. */
export const nameOf = (n: {
  id: string;
  name?: string | null;
  summary?: string | null;
  value?: string | null;
  title?: string | null;
}) => n.name ?? n.summary ?? n.value ?? n.title ?? n.id;

export const NAME_FIELDS = `... on Actor { name } ... on Demand { summary } ... on Meeting { name } ... on Incident { summary } ... on Statement { summary } ... on Claim { value }`;
