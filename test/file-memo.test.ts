// FileMemo keeps the values of the files a run meets, as long as each file is unchanged, and only
// the most recently used ones: a batch worker meets a province's files one after another.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileMemo } from '../src/load/file-memo.js';
import { scratchDir } from './helpers/cli.js';

/** A memo of capacity 2 over files a, b, c, and the files computed so far, in order. */
function setup() {
  const dir = scratchDir();
  const file = (name: string) => path.join(dir, `${name}.yaml`);
  for (const name of ['a', 'b', 'c']) writeFileSync(file(name), `unit: ${name}\n`);
  const memo = new FileMemo<string>(2);
  const computed: string[] = [];
  const get = (name: string) => memo.get(file(name), () => (computed.push(name), `value of ${name}`));
  return { file, get, computed };
}

describe('FileMemo', () => {
  it.each([
    // Steps, then the files computed (a value taken from the memo is not computed again).
    { steps: 'a b a b', computed: 'a b', why: 'both fit' },
    { steps: 'a b c a', computed: 'a b c a', why: 'c pushes out a, the least recently used' },
    { steps: 'a b a c a b', computed: 'a b c b', why: 'a used again before c comes: b is pushed out, a stays' },
    { steps: 'a a a c c', computed: 'a c', why: 'one file asked again and again' },
  ])('$steps → computes $computed ($why)', ({ steps, computed: expected }) => {
    const { get, computed } = setup();
    for (const name of steps.split(' ')) expect(get(name)).toBe(`value of ${name}`);
    expect(computed.join(' ')).toBe(expected);
  });

  it('computes again when a file changes, and keeps nothing for a file that is gone', () => {
    const { file, get, computed } = setup();
    get('a');
    writeFileSync(file('a'), 'unit: a changed\n');
    get('a');
    rmSync(file('b'));
    get('b');
    get('b');
    expect(computed).toEqual(['a', 'a', 'b', 'b']);
  });
});
