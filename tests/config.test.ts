import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { ConfigError, DEFAULT_LOCAL_PASSWORD, loadConfig } from '../src/config/config.ts';
import { findReportsDir } from '../src/seed/load-seeds-from-disk.ts';

describe('loadConfig', () => {
  it('defaults to a local Neo4j on 7687 and GraphQL on port 4000', () => {
    const config = loadConfig({});
    expect(config.http).toEqual({ port: 4000, host: '127.0.0.1', corsOrigins: [] });
    expect(config.neo4j).toMatchObject({
      kind: 'local',
      port: 7687,
      password: DEFAULT_LOCAL_PASSWORD,
    });
    expect(config.loadSeeds).toBe(true);
  });

  it('uses the server named by NEO4J_URI and starts nothing', () => {
    const config = loadConfig({
      NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io',
      NEO4J_PASSWORD: 'secret',
      NEO4J_DATABASE: 'talks',
    });
    expect(config.neo4j).toEqual({
      kind: 'remote',
      uri: 'neo4j+s://abc.databases.neo4j.io',
      user: 'neo4j',
      password: 'secret',
    });
    expect(config.database).toBe('talks');
  });

  it('names the variable, the value and the expectation for a bad value', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(
      /PORT='eighty': PORT must be a port number 1-65535/,
    );
    expect(() => loadConfig({ NEO4J_URI: 'http://localhost:7474', NEO4J_PASSWORD: 'x' })).toThrow(
      /NEO4J_URI='http:\/\/localhost:7474'/,
    );
    expect(() => loadConfig({ NEO4J_LOCAL_HEAP: 'lots' })).toThrow(
      /NEO4J_LOCAL_HEAP must look like 512m or 2g/,
    );
  });

  it('requires a password for a remote server and hides passwords in messages', () => {
    expect(() => loadConfig({ NEO4J_URI: 'bolt://db:7687' })).toThrow(
      /NEO4J_PASSWORD is required when NEO4J_URI is set/,
    );
    expect(() => loadConfig({ NEO4J_PASSWORD: 'short' })).toThrow(/NEO4J_PASSWORD='\*\*\*'/);
  });

  it('reports every bad variable at once', () => {
    try {
      loadConfig({ PORT: '0', LOAD_SEEDS: 'maybe' });
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).toMatch(/PORT/);
      expect((err as Error).message).toMatch(/LOAD_SEEDS must be true or false/);
    }
  });
});

describe('findReportsDir', () => {
  it('refuses a REPORTS_DIR that does not exist, naming it', () => {
    expect(() => findReportsDir({ REPORTS_DIR: '/nonexistent/report-texts' })).toThrow(
      /REPORTS_DIR points at \/nonexistent\/report-texts, which does not exist/,
    );
  });

  it('uses an existing REPORTS_DIR as given', () => {
    const dir = os.tmpdir();
    expect(findReportsDir({ REPORTS_DIR: dir })).toBe(path.resolve(dir));
  });
});

describe('warm-up settings', () => {
  it('remembers asked queries in .data by default, warms 40 of them, and can be turned off', () => {
    const defaults = loadConfig({}).warmUp;
    expect(defaults.logFile?.endsWith(path.join('.data', 'warm-up-operations.json'))).toBe(true);
    expect(defaults).toMatchObject({ max: 40, budgetMs: 3000, operationsFile: undefined });
    expect(loadConfig({ WARM_UP_BUDGET_MS: '0' }).warmUp.budgetMs).toBe(0);
    expect(loadConfig({ WARM_UP_LOG: 'off' }).warmUp.logFile).toBeUndefined();
    expect(loadConfig({ WARM_UP_OPERATIONS: 'ops.json', WARM_UP_MAX: '0' }).warmUp).toMatchObject({
      max: 0,
      operationsFile: path.resolve('ops.json'),
    });
  });

  it('refuses a WARM_UP_BUDGET_MS that is not a whole number of milliseconds, naming it', () => {
    expect(() => loadConfig({ WARM_UP_BUDGET_MS: '2.5s' })).toThrow(/WARM_UP_BUDGET_MS must be/);
  });

  it('refuses a WARM_UP_MAX that is not a whole number 0-200, naming it', () => {
    expect(() => loadConfig({ WARM_UP_MAX: '500' })).toThrow(/WARM_UP_MAX must be/);
    expect(() => loadConfig({ WARM_UP_MAX: 'many' })).toThrow(/WARM_UP_MAX must be/);
  });
});

describe('API key settings', () => {
  it('keeps reads open and allows 60 writes a minute per key by default', () => {
    expect(loadConfig({}).auth).toEqual({ readsRequireKey: false, writesPerMinute: 60 });
    expect(loadConfig({ READS_REQUIRE_KEY: 'true', WRITE_RATE_LIMIT: '5' }).auth).toEqual({
      readsRequireKey: true,
      writesPerMinute: 5,
    });
  });

  it('refuses a bad WRITE_RATE_LIMIT or READS_REQUIRE_KEY, naming the variable', () => {
    expect(() => loadConfig({ WRITE_RATE_LIMIT: '0' })).toThrow(/WRITE_RATE_LIMIT must be/);
    expect(() => loadConfig({ READS_REQUIRE_KEY: 'maybe' })).toThrow(
      /READS_REQUIRE_KEY must be true or false/,
    );
  });

  it('logs at info by default, and refuses an unknown LOG_LEVEL or LOG_FORMAT, naming it', () => {
    expect(loadConfig({ LOG_FORMAT: 'json' }).log).toEqual({ level: 'info', format: 'json' });
    expect(loadConfig({ LOG_LEVEL: 'debug', LOG_FORMAT: 'pretty' }).log).toEqual({
      level: 'debug',
      format: 'pretty',
    });
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL='loud'/);
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT='xml'/);
  });
});
