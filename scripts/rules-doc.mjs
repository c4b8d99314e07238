// Writes the list of content rules with their basis, and the catalogue of the other messages
// (src/messages.ts), into README.md between their markers, from the rules and the catalogue
// themselves (dist/, so run after npm run build): test/rules.test.ts fails when the README's
// lists are not what this would write.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ruleListMarkdown } from '../dist/check/rules/index.js';
import { messageListMarkdown } from '../dist/messages.js';

const README = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'README.md');
/** `text` with the section between `<!-- name:start -->` and `<!-- name:end -->` replaced. */
function section(text, name, content) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} section`);
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`;
}
let text = readFileSync(README, 'utf8');
text = section(text, 'rules', ruleListMarkdown());
text = section(text, 'messages', messageListMarkdown());
writeFileSync(README, text);
console.log('README.md: rule list and message catalogue written');
