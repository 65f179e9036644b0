import { describe, expect, it } from 'vitest';

import { generateKey, keyIdOf, verifyKey, hashKey } from '../src/auth/api-key.ts';
import { RateLimiter } from '../src/auth/rate-limiter.ts';
import { createGraphYoga } from '../src/server/create-yoga.ts';
import { useWriteApi } from './write-helpers.ts';

const ADD = `mutation($input: ReportInput!) { addReport(input: $input) { created } }`;
const input = { text: 'A report text long enough to be accepted as a report by the server.' };

describe('API keys', () => {
  it('stores only an Argon2 hash that verifies the key and nothing else', async () => {
    const { key, keyId } = generateKey();
    expect(keyIdOf(key)).toBe(keyId);
    const hash = await hashKey(key);
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(hash).not.toContain(key);
    expect(await verifyKey(hash, key)).toBe(true);
    expect(await verifyKey(hash, `${key}x`)).toBe(false);
  });

  it('rate-limits per key and refills over time', () => {
    let now = 0;
    const limiter = new RateLimiter(2, () => now);
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBeGreaterThan(0);
    expect(limiter.take('b')).toBe(0);
    now += 30_000;
    expect(limiter.take('a')).toBe(0);
  });
});

describe('who may write', () => {
  const api = useWriteApi();

  it('refuses a write without a key: 401 UNAUTHENTICATED', async () => {
    const res = await api.send(undefined, ADD, { input });
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a wrong key and a revoked key: 401, and never echoes the key', async () => {
    for (const key of [`ngk_0000abcd_${'x'.repeat(32)}`, 'not-a-key', api.keys.revoked]) {
      const res = await api.send(key, ADD, { input });
      expect(res.status).toBe(401);
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(JSON.stringify(res)).not.toContain(key);
    }
  });

  it('refuses a reader key for writes: 403 FORBIDDEN', async () => {
    const res = await api.send(api.keys.reader, ADD, { input });
    expect(res.status).toBe(403);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('keeps reads open by default, with or without a valid key', async () => {
    expect((await api.send(undefined, '{ actor(id: "pakistan") { id } }')).data).toEqual({
      actor: { id: 'pakistan' },
    });
    expect((await api.send(api.keys.reader, '{ actor(id: "pakistan") { id } }')).status).toBe(200);
  });

  it('requires a key for reads when configured to', async () => {
    expect((await api.sendClosed(undefined, '{ sources { id text } }')).status).toBe(401);
    expect((await api.sendClosed(api.keys.reader, '{ sources { id text } }')).status).toBe(200);
  });

  it('answers 429 RATE_LIMITED once a key has used its writes', async () => {
    const limited = createGraphYoga({
      driver: api.driver,
      database: api.database,
      logging: false,
      auth: { readsRequireKey: false, writesPerMinute: 1 },
    });
    const write = () =>
      limited.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${api.keys.editor}` },
        body: JSON.stringify({ query: ADD, variables: { input: { text: 'short' } } }),
      });
    await write();
    const res = await write();
    expect(res.status).toBe(429);
    expect(
      ((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions
        .code,
    ).toBe('RATE_LIMITED');
  });
});
