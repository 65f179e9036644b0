/**
 * One quick round trip to Neo4j, without the driver's retries: resolves true when the
 * database answers within `timeoutMs`, false otherwise. For readiness checks.
 */
import type { Driver } from 'neo4j-driver';

export async function pingNeo4j(
  driver: Driver,
  database: string | undefined,
  timeoutMs = 2_000,
): Promise<boolean> {
  const session = driver.session({ database, defaultAccessMode: 'READ' });
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      session.run('RETURN 1').then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      }),
    ]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
    void session.close().catch(() => undefined);
  }
}
