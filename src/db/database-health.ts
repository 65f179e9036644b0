/**
 * What the server currently knows about Neo4j: `up`, `down` or `unknown`, kept by a
 * background ping and by the failures requests meet. The request path consults it through
 * `guard()`.
 *
 * Guarantees:
 * - while the database is known to be down, `guard()` refuses at once (DATABASE_UNAVAILABLE)
 *   without touching the driver; it is known down when a connection is refused, or when two
 *   pings in a row time out while no query succeeds (frozen), never merely because it is busy;
 * - work run through `guard()` ends by its deadline (QUERY_TIMEOUT) or as soon as the
 *   database is found down (DATABASE_UNAVAILABLE), even when Neo4j is frozen and never
 *   answers; the abandoned driver call settles on its own later;
 * - each change of state is logged once.
 */
import type { Driver } from 'neo4j-driver';

import { databaseUnavailable, queryTimeout } from '../errors.ts';
import { classifyNeo4jError } from './neo4j-errors.ts';
import { pingNeo4j } from './ping-neo4j.ts';

export type DatabaseState = 'unknown' | 'up' | 'down';

export interface DatabaseHealthOptions {
  driver: Driver;
  database: string | undefined;
  /** Time between pings while the database is up. @default 2000 */
  upIntervalMs?: number;
  /** Time between pings while it is down (how soon recovery is noticed). @default 500 */
  downIntervalMs?: number;
  /** A ping slower than this counts as slow; two slow in a row with no query succeeding
   * meanwhile mean a frozen server. @default 2000 */
  pingTimeoutMs?: number;
  log?: (line: string) => void;
}

export class DatabaseHealth {
  private current: DatabaseState = 'unknown';
  private timer: NodeJS.Timeout | undefined;
  private pending: Promise<boolean> | undefined;
  /** When a guarded call last succeeded: proof of life that outranks a slow ping. */
  private lastSuccess = 0;
  private slowPings = 0;
  /** When the current run of slow pings began. */
  private slowSince = 0;
  private stopped = true;
  private readonly downListeners = new Set<() => void>();

  constructor(private readonly options: DatabaseHealthOptions) {}

  get state(): DatabaseState {
    return this.current;
  }

  /** Starts the background ping (unref'd: it never keeps the process alive). */
  start(): this {
    this.stopped = false;
    this.schedule(0);
    return this;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** One ping now; updates the state and resolves with whether the database answered. */
  check(): Promise<boolean> {
    const started = Date.now();
    const timeoutMs = this.options.pingTimeoutMs ?? 2_000;
    this.pending ??= pingNeo4j(this.options.driver, this.options.database, timeoutMs)
      .then((result) => {
        if (result === 'up') {
          this.slowPings = 0;
          this.set('up');
          return true;
        }
        // A refused connection is down at once. A ping that only ran out of time may be a
        // busy server: down only when two in a row do, with no query succeeding since the
        // first of them began (a frozen server answers neither).
        if (result === 'refused') {
          this.slowPings = 0;
          this.set('down');
          return false;
        }
        if (this.slowPings === 0 || this.lastSuccess > this.slowSince) {
          this.slowPings = 0;
          this.slowSince = started;
        }
        this.slowPings++;
        if (this.slowPings >= 2) {
          this.set('down');
          return false;
        }
        return this.current !== 'down';
      })
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }

  /**
   * Runs one database call under the rules above. A driver error saying the database is
   * unreachable marks it down (other requests in flight end at once) and is rethrown.
   */
  async guard<T>(work: () => Promise<T>, deadlineMs: number): Promise<T> {
    if (this.current === 'down') throw databaseUnavailable();
    let timer: NodeJS.Timeout | undefined;
    let onDown: (() => void) | undefined;
    const stop = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(queryTimeout()), deadlineMs);
      onDown = () => reject(databaseUnavailable());
      this.downListeners.add(onDown);
    });
    const running = work();
    try {
      const result = await Promise.race([running, stop]);
      this.lastSuccess = Date.now();
      return result;
    } catch (err) {
      if (classifyNeo4jError(err) === 'unavailable') {
        this.set('down');
        void this.check();
      }
      throw err;
    } finally {
      clearTimeout(timer);
      if (onDown) this.downListeners.delete(onDown);
      // An abandoned call may still fail later; nobody is waiting for it.
      running.catch(() => undefined);
    }
  }

  private set(next: DatabaseState): void {
    if (next === this.current) return;
    const previous = this.current;
    this.current = next;
    const log = this.options.log ?? console.log;
    if (next === 'down') {
      log(`Neo4j is down (was ${previous}): requests fail fast with DATABASE_UNAVAILABLE`);
      for (const listener of [...this.downListeners]) listener();
    } else if (next === 'up' && previous !== 'unknown') {
      log('Neo4j is back up: requests are served again');
    }
    this.schedule();
  }

  private schedule(delayMs?: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    const delay =
      delayMs ??
      (this.current === 'down' || this.slowPings > 0
        ? (this.options.downIntervalMs ?? 500)
        : (this.options.upIntervalMs ?? 2_000));
    this.timer = setTimeout(() => {
      void this.check().finally(() => this.schedule());
    }, delay);
    this.timer.unref();
  }
}
