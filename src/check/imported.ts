// A report imported from a published past report (`imported:` set by `fazhi import`) cannot be
// completed: the past is what it was. What the original lacked is a warning, not an error, so
// the file validates and renders as the original was.

import { PART_NAMES, PART_KEYS } from '../data/report.js';
import type { Diagnostic } from '../diagnostic.js';
import { IMPORT, messageOf, schemaId } from '../messages.js';
import { dateAfterYear } from './rules/date-after-year.js';
import { partNotEmpty } from './rules/part-not-empty.js';

function isImported(data: unknown): boolean {
  return typeof data === 'object' && data !== null && !Array.isArray(data) && 'imported' in data;
}

export function relaxForImported(data: unknown, diagnostics: Diagnostic[]): Diagnostic[] {
  if (!isImported(data)) return diagnostics;
  const present = data as Record<string, unknown>;
  return diagnostics.flatMap((d): Diagnostic[] => {
    if (d.ruleId === schemaId('report', 'required') && d.pointer === '') {
      const key = PART_KEYS.filter((k) => k !== 'other').find((k) => present[k] === undefined && d.message.includes(`“${k}”`));
      if (key) {
        return [{ ...d, ...messageOf(IMPORT.importedMissingPart, PART_NAMES[key], key) }];
      }
    }
    if (d.ruleId === partNotEmpty.id) {
      // A heading with nothing under it is how the original was written.
      return d.pointer?.includes('/groups/') ? [] : [{ ...d, severity: 'warning' }];
    }
    if (d.ruleId === dateAfterYear.id) return [{ ...d, severity: 'warning' }];
    return [d];
  });
}
