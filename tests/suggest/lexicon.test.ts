/** The lexicon is data: the shipped file validates; a malformed one is refused clearly. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { LexiconError, loadLexicon } from '../../src/suggest/load-lexicon.ts';

describe('the suggestion lexicon', () => {
  it('loads the shipped lexicon with the core event types', () => {
    const types = new Set(loadLexicon().events.map((e) => e.type));
    for (const t of ['DEMANDED', 'REJECTED', 'MEDIATED', 'BLAMED_FOR', 'STATED'])
      expect(types).toContain(t);
  });

  it('refuses a lexicon with an unknown relationship type, naming the file and the entry', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lexicon-'));
    const file = path.join(dir, 'bad.yaml');
    writeFileSync(
      file,
      'version: 1\nevents:\n  - type: LIKED\n    verbs: [like]\ncasualties: {killed: [], injured: [], none: []}\n' +
        'negation: []\nhedges: {reported: [], alleged: []}\n' +
        'framing: {speechVerbs: [], confirmVerbs: [], reportPhrases: [], assessmentSpeakers: [], anonymousSpeakers: []}\n' +
        'dates: {weekdays: [], months: []}\n',
    );
    expect(() => loadLexicon(file)).toThrow(LexiconError);
    expect(() => loadLexicon(file)).toThrow(/bad\.yaml[\s\S]*events\.0\.type/);
  });

  it('refuses a file that is not YAML', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lexicon-'));
    const file = path.join(dir, 'broken.yaml');
    writeFileSync(file, 'events: [unclosed');
    expect(() => loadLexicon(file)).toThrow(/Invalid suggestion lexicon .*broken\.yaml/);
  });
});
