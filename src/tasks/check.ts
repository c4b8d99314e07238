// Unit names in the responsibility breakdown are checked against the district's roster
// (units.yaml): an unknown name is an error at its line, with the closest roster name.

import path from 'node:path';
import type { Diagnostic } from '../diagnostic.js';
import type { SourceFile } from '../load/index.js';
import type { ReportData } from '../data/report.js';
import { findRosterFile, loadRoster, matchUnitName, ROSTER_FILE_NAME, type Roster } from '../roster/index.js';
import { hasAssignment, splitUnitNames } from '../data/assignments.js';
import { partItems } from '../data/visit.js';
import { placeAt } from '../check/place.js';

export interface AssignmentCheck {
  diagnostics: Diagnostic[];
  roster?: Roster;
}

/** The roster for a report: units.yaml in its folder or up to two folders above. */
export function rosterFor(reportPath: string): { file?: string; roster?: Roster; diagnostics: Diagnostic[] } {
  const file = findRosterFile(path.dirname(reportPath));
  if (!file) return { diagnostics: [] };
  const { roster, diagnostics } = loadRoster(file);
  return { file, ...(roster ? { roster } : {}), diagnostics };
}

export function checkAssignments(source: SourceFile, report: ReportData): AssignmentCheck {
  const assigned = partItems(report.plans, 'plans').filter(({ item }) => hasAssignment(item));
  if (assigned.length === 0) return { diagnostics: [] };
  const found = rosterFor(source.path);
  if (!found.file) {
    const where = path.join(path.dirname(path.dirname(source.path)), ROSTER_FILE_NAME);
    const first = `${assigned[0]!.pointer}/lead_unit`;
    return {
      diagnostics: [
        {
          severity: 'warning',
          ruleId: 'assignments/no-roster',
          message: `没有找到单位名册（${where}），无法核对牵头单位和配合单位的名称；请建立单位名册，写明各部门和乡镇街道的名称。`,
          ...placeAt(source, first),
        },
      ],
    };
  }
  const roster = found.roster;
  if (!roster) return { diagnostics: found.diagnostics };
  const diagnostics: Diagnostic[] = [];
  for (const { item, pointer } of assigned) {
    if (typeof item === 'string') continue;
    for (const field of ['lead_unit', 'support_units'] as const) {
      const value = item[field];
      if (value === undefined) continue;
      const entries = Array.isArray(value) ? value.map((v, i) => ({ v, at: `${pointer}/${field}/${i}` })) : [{ v: value, at: `${pointer}/${field}` }];
      for (const { v, at } of entries) {
        for (const name of splitUnitNames(v)) {
          const match = matchUnitName(name, roster);
          if (match.units) continue;
          const hint = match.suggestion ? `是否应为“${match.suggestion}”？` : `请使用名册中的名称或简称，或把这个单位加入名册。`;
          diagnostics.push({
            severity: 'error',
            ruleId: 'assignments/unknown-unit',
            message: `${field === 'lead_unit' ? '牵头单位' : '配合单位'}“${name}”不在单位名册（${found.file}）中，${hint}`,
            ...placeAt(source, at),
          });
        }
      }
    }
  }
  return { diagnostics, roster };
}
