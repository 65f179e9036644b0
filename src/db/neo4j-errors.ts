/**
 * Maps neo4j-driver errors to messages a user can act on. The one place that knows Neo4j's
 * error codes; callers show `describeNeo4jError(err)` instead of a stack trace.
 */
import { Neo4jError } from 'neo4j-driver';

export type Neo4jErrorKind =
  'unavailable' | 'auth' | 'syntax' | 'constraint' | 'forbidden' | 'timeout' | 'other';

export function classifyNeo4jError(err: unknown): Neo4jErrorKind {
  if (!(err instanceof Neo4jError)) return 'other';
  const code = err.code;
  if (code === 'ServiceUnavailable' || code === 'SessionExpired') return 'unavailable';
  if (
    code.startsWith('Neo.ClientError.Security.Unauthorized') ||
    code.includes('AuthenticationRateLimit')
  )
    return 'auth';
  if (code === 'Neo.ClientError.Statement.SyntaxError') return 'syntax';
  if (
    code === 'Neo.ClientError.Schema.ConstraintValidationFailed' ||
    code === 'Neo.ClientError.Statement.ConstraintVerificationFailed' ||
    err.gqlStatus === '22N41'
  )
    return 'constraint';
  if (
    code === 'Neo.ClientError.Statement.AccessMode' ||
    code.startsWith('Neo.ClientError.Security.Forbidden')
  )
    return 'forbidden';
  if (code.includes('TransactionTimedOut') || code.includes('Transaction.TransactionTimedOut'))
    return 'timeout';
  return 'other';
}

export function describeNeo4jError(err: unknown, uri?: string): string {
  const where = uri ? ` at ${uri}` : '';
  const message = err instanceof Error ? err.message : String(err);
  switch (classifyNeo4jError(err)) {
    case 'unavailable':
      return `Neo4j is not reachable${where}: ${message}`;
    case 'auth':
      return `Neo4j refused the credentials${where} (check NEO4J_USER and NEO4J_PASSWORD): ${message}`;
    case 'syntax':
      return `Cypher syntax error: ${message}`;
    case 'constraint':
      return `A Neo4j constraint was violated: ${message}`;
    case 'forbidden':
      return `Neo4j refused the operation: ${message}`;
    case 'timeout':
      return `The Neo4j transaction timed out: ${message}`;
    default:
      return message;
  }
}
