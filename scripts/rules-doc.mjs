// Writes the list of content rules with their basis into README.md, between the rules markers,
// from the rules themselves (dist/, so run after npm run build): test/rules.test.ts fails when
// the README's list is not what this would write.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ruleListMarkdown } from '../dist/check/rules/index.js';

const README = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'README.md');
const START = '<!-- rules:start -->';
const END = '<!-- rules:end -->';
const text = readFileSync(README, 'utf8');
const from = text.indexOf(START);
const to = text.indexOf(END);
if (from < 0 || to < from) throw new Error(`README.md has no ${START} … ${END} section`);
writeFileSync(README, `${text.slice(0, from + START.length)}\n${ruleListMarkdown()}\n${text.slice(to)}`);
console.log('README.md: rule list written');
