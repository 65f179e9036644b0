/**
 * The errors clients see. User errors carry `extensions.code` and an HTTP status; anything
 * else thrown in a resolver is masked by graphql-yoga (logged in full, shown as
 * "Unexpected error.") so internals never leak.
 */
import { GraphQLError } from 'graphql';

/** A request the server refuses as given: bad argument, cursor or page size. */
export function badUserInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: 'BAD_USER_INPUT',
      ...(argument ? { argument } : {}),
      http: { status: 400 },
    },
  });
}

/** Neo4j cannot be reached (or lost the connection): try again later. */
export function databaseUnavailable(): GraphQLError {
  return new GraphQLError('The graph database is unavailable; try again shortly.', {
    extensions: { code: 'DATABASE_UNAVAILABLE', http: { status: 503 } },
  });
}

/** The query ran longer than the server allows. */
export function queryTimeout(): GraphQLError {
  return new GraphQLError(
    'The query took too long and was stopped; ask for less (smaller pages, fewer nested fields).',
    {
      extensions: { code: 'QUERY_TIMEOUT', http: { status: 504 } },
    },
  );
}
