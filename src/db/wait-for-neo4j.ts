/** Resolves once the server answers; rejects with the last error after `timeoutMs`. */
import type { Driver } from 'neo4j-driver';

import { classifyNeo4jError, describeNeo4jError } from './neo4j-errors.ts';

export async function waitForNeo4j(driver: Driver, uri: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await driver.getServerInfo();
      return;
    } catch (err) {
      // Wrong credentials will not fix themselves: fail at once.
      if (classifyNeo4jError(err) === 'auth' || Date.now() > deadline) {
        throw new Error(describeNeo4jError(err, uri));
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
