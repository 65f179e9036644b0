/** The one place a neo4j-driver Driver is created, with bounded pools and timeouts. */
import neo4j, { type Driver } from 'neo4j-driver';

export interface Neo4jConnection {
  uri: string;
  user: string;
  password: string;
  /** Undefined means the server's default database. */
  database: string | undefined;
}

export function createDriver(connection: Neo4jConnection): Driver {
  return neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
    maxConnectionPoolSize: 50,
    connectionAcquisitionTimeout: 10_000,
    connectionTimeout: 5_000,
    // Fail fast when the database is down: a GraphQL client should not wait 30 s to learn it.
    maxTransactionRetryTime: 5_000,
    disableLosslessIntegers: false,
    userAgent: 'negotiation-graph/0.1',
  });
}
