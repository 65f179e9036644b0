/** The Neo4j every test file shares (see global-setup.ts), and helpers to use it. */
import { afterAll, inject } from 'vitest';
import type { Driver } from 'neo4j-driver';

import { createDriver } from '../src/db/create-driver.ts';

export interface TestNeo4j {
  uri: string;
  user: string;
  password: string;
  database: string | undefined;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: TestNeo4j;
  }
}

export function testNeo4j(): TestNeo4j {
  return inject('neo4j');
}

/** A driver for the test Neo4j, closed after the file's tests. */
export function useTestDriver(): { driver: Driver; database: string | undefined } {
  const neo = testNeo4j();
  const driver = createDriver(neo);
  afterAll(() => driver.close());
  return { driver, database: neo.database };
}
