/** The vocabulary (src/model/) agrees with itself and with the SDL; a drift names the field. */
import { makeExecutableSchema } from '@graphql-tools/schema';
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { describe, expect, it } from 'vitest';

import {
  assertSchemaMatchesModel,
  schemaProblems,
} from '../src/graphql/check-schema-against-model.ts';
import { buildSchema } from '../src/graphql/build-schema.ts';
import { loadTypeDefs } from '../src/graphql/load-type-defs.ts';
import { modelProblems } from '../src/model/check-model.ts';
import { GRAPH_MODEL } from '../src/translate/graph-model.ts';

const sdl = (...extra: string[]) =>
  makeExecutableSchema({ typeDefs: [...loadTypeDefs(), ...extra] });

describe('the vocabulary', () => {
  it('binds every GraphQL field to a relationship end its labels allow', () => {
    expect(modelProblems()).toEqual([]);
  });

  it('matches the SDL: fields, targets, enums and the Node interface', () => {
    expect(schemaProblems(sdl())).toEqual([]);
    expect(() => buildSchema()).not.toThrow();
  });

  it('derives the translator table from relationship declarations', () => {
    expect(GRAPH_MODEL.Meeting?.fields.mediators).toEqual({
      kind: 'rel',
      type: 'MEDIATED',
      direction: 'in',
      target: 'Actor',
      edge: true,
    });
    expect(GRAPH_MODEL.Claim?.fields.subject).toMatchObject({ type: 'ABOUT', single: true });
  });

  it('names an SDL relationship field that no declared relationship backs', () => {
    const problems = schemaProblems(sdl('extend type Actor { meetingsMediatd: [MeetingEdge!]! }'));
    expect(problems).toEqual([
      expect.stringContaining('Actor.meetingsMediatd is in the SDL but is neither'),
    ]);
  });

  it('names a bound field that the SDL lacks', () => {
    const schema = mapSchema(sdl(), {
      [MapperKind.OBJECT_FIELD]: (field, name, type) =>
        type === 'Meeting' && name === 'mediators' ? null : field,
    });
    expect(schemaProblems(schema)).toEqual([
      'Meeting.mediators follows MEDIATED in the model but is missing from the SDL',
    ]);
  });

  it('names a field whose SDL target differs from the relationship’s', () => {
    const schema = mapSchema(sdl(), {
      [MapperKind.OBJECT_FIELD]: (field, name, type) =>
        type === 'Meeting' && name === 'hosts'
          ? { ...field, type: schemaTypeOf('[DemandEdge!]!') }
          : field,
    });
    expect(schemaProblems(schema)).toEqual([
      expect.stringMatching(
        /^Meeting\.hosts returns DemandEdge; it follows HOSTED \(in\) to Actor/,
      ),
    ]);
  });

  it('names an enum value present on one side only', () => {
    expect(schemaProblems(sdl('extend enum Issue { WATER }'))).toEqual([
      'enum Issue: WATER is in the SDL but not in the model',
    ]);
  });

  it('stops start-up with an error listing the problems', () => {
    expect(() => assertSchemaMatchesModel(sdl('extend enum ActorKind { TRIBE }'))).toThrow(
      /does not match the vocabulary[^]*enum ActorKind: TRIBE is in the SDL but not in the model/,
    );
  });
});

/** A GraphQL output type from the real schema, by its SDL spelling (e.g. `[DemandEdge!]!`). */
function schemaTypeOf(spelling: string) {
  const field = sdl(`extend type Query { probe: ${spelling} }`).getQueryType()?.getFields().probe;
  if (!field) throw new Error('probe field missing');
  return field.type;
}
