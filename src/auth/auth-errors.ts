/** The coded errors of authentication, authorisation and rate limiting. */
import { GraphQLError } from 'graphql';

/** No key, or a key that is malformed, unknown or revoked (HTTP 401). */
export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: 'UNAUTHENTICATED',
      http: { status: 401, headers: { 'www-authenticate': 'Bearer' } },
    },
  });
}

/** A valid key whose role does not allow the operation (HTTP 403). */
export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
}

/** Too many writes with one key (HTTP 429). */
export function rateLimited(retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(`Too many writes with this key; try again in ${retryAfterSeconds} s.`, {
    extensions: {
      code: 'RATE_LIMITED',
      retryAfterSeconds,
      http: { status: 429, headers: { 'retry-after': String(retryAfterSeconds) } },
    },
  });
}
