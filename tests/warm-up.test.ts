/**
 * The warm-up's bookkeeping (src/server/warm-up.ts), with a fetch that answers at once: what
 * counts as a failure, what is stopped at the warm-up's timeout, what the budget defers.
 */
import { describe, expect, it } from 'vitest';

import { warmUp } from '../src/server/warm-up.ts';

const answer = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
/** The query text of a warm-up request (its body is always a JSON string). */
const queryOf = (init: RequestInit) => (JSON.parse(init.body as string) as { query: string }).query;
const error = (code: string) => ({ errors: [{ message: code, extensions: { code } }] });

describe('warmUp', () => {
  it('counts a timeout as stopped and a placeholder that names nothing as neither', async () => {
    const replies: Record<string, unknown> = {
      '{ slow { a } }': error('QUERY_TIMEOUT'),
      '{ missing { a } }': error('BAD_USER_INPUT'),
      '{ broken { a } }': error('INTERNAL_SERVER_ERROR'),
      '{ fine { a } }': { data: { fine: { a: 1 } } },
    };
    const result = await warmUp(Object.keys(replies), (_url, init) =>
      answer(replies[queryOf(init)]),
    );
    expect(result).toMatchObject({ queries: 4, failed: 1, stopped: ['slow'], deferred: [] });
    expect(result.failures).toEqual(['broken: INTERNAL_SERVER_ERROR']);
  });

  it('asks every required operation, and optional ones only while the budget lasts', async () => {
    const asked: string[] = [];
    const slowFetch = async (_url: string, init: RequestInit) => {
      asked.push(queryOf(init));
      await new Promise((r) => setTimeout(r, 30));
      return answer({ data: {} });
    };
    const required = ['{ a }', '{ b }', '{ c }'];
    const optional = [{ query: '{ d }' }, { query: '{ e }' }];
    const spent = await warmUp(required, slowFetch, { concurrency: 1, optional, budgetMs: 10 });
    expect(asked).toEqual(required);
    expect(spent).toMatchObject({ queries: 3, deferred: optional });

    asked.length = 0;
    const roomy = await warmUp(required, slowFetch, { concurrency: 2, optional, budgetMs: 60_000 });
    expect(asked.sort()).toEqual(['{ a }', '{ b }', '{ c }', '{ d }', '{ e }']);
    expect(roomy).toMatchObject({ queries: 5, deferred: [] });
  });
});
