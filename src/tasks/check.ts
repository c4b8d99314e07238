// The district's roster (units.yaml) for a report: the pipeline passes it to the rules that
// check the unit names of the responsibility breakdown (check/rules/assignments-roster.ts).

import path from 'node:path';
import type { Diagnostic } from '../diagnostic.js';
import { findRosterFile, loadRoster, type Roster } from '../roster/index.js';

/** The roster for a report: units.yaml in its folder or up to two folders above. */
export function rosterFor(reportPath: string): { file?: string; roster?: Roster; diagnostics: Diagnostic[] } {
  const file = findRosterFile(path.dirname(reportPath));
  if (!file) return { diagnostics: [] };
  const { roster, diagnostics } = loadRoster(file);
  return { file, ...(roster ? { roster } : {}), diagnostics };
}
