/** Issue 11 through GraphQL: positions as events in time, and voice and framing on every Evidence. */
import { describe, expect, it } from 'vitest';

import { useSeededApi } from './api-helpers.ts';

const { gql } = useSeededApi();

interface Evidence {
  quote: string;
  voice: string | null;
  framing: string | null;
  source: { id: string };
}

describe('positions', () => {
  it('lists Turkey’s roles over time: facilitator of the rounds, then withdrew, and at Baku willing to continue', async () => {
    const res = await gql(`{
      actor(id: "turkey") {
        positions { type node { id stance on { id } actor { id } evidence { voice framing source { id } } } }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const positions = (
      res.data?.actor as {
        positions: {
          type: string;
          node: {
            id: string;
            stance: string;
            on: { id: string };
            actor: { id: string };
            evidence: Evidence[];
          };
        }[];
      }
    ).positions;
    expect(positions.map((p) => [p.node.stance, p.node.on.id])).toEqual(
      expect.arrayContaining([
        ['FACILITATOR', 'facilitated-rounds'],
        ['WITHDREW', 'facilitated-rounds'],
        ['FACILITATOR', 'istanbul-talks'],
      ]),
    );
    expect(positions.every((p) => p.type === 'HELD' && p.node.actor.id === 'turkey')).toBe(true);
    const willing = positions.find((p) => p.node.id === 'turkey-willing-to-facilitate');
    expect(willing?.node.evidence).toEqual([
      { voice: 'recep-tayyip-erdogan', framing: 'ON_RECORD', source: { id: 'report-004' } },
    ]);
  });

  it('finds a Position by id through node(id)', async () => {
    const res = await gql(
      `{ node(id: "qatar-favours-afghanistan") { __typename ... on Position { stance } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.node).toEqual({ __typename: 'Position', stance: 'FAVOURED' });
  });
});

describe('evidence voice and framing', () => {
  it('attributes the Spin Boldak shelling to Afghan provincial sources, reported', async () => {
    const res = await gql(
      `{ incident(id: "spin-boldak-shelling") { evidence { voice framing } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect((res.data?.incident as { evidence: Evidence[] }).evidence).toEqual([
      { voice: 'Afghan provincial sources', framing: 'REPORTED' },
      { voice: 'Afghan provincial sources', framing: 'REPORTED' },
    ]);
  });

  it('shows the analysts’ view of the Taliban as an assessment stated by no party', async () => {
    const res = await gql(
      `{ statement(id: "demands-are-interference") { statedBy { node { id } } evidence { voice framing } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.statement).toEqual({
      statedBy: [],
      evidence: [{ voice: 'regional analysts', framing: 'ASSESSMENT' }],
    });
  });
});
