// The roster's data, as loaded and checked (see index.ts).

export type RosterLevel = 'department' | 'town';

export interface RosterUnit {
  name: string;
  short?: string;
  aliases?: string[];
  level: RosterLevel;
  contact?: string;
  /** JSON pointer of the entry, for messages. */
  pointer: string;
}

export interface Roster {
  /** Path as given, for messages. */
  path: string;
  district: string;
  units: RosterUnit[];
}

/** Every name a unit goes by (全称, 简称, 其他名称). */
export function namesOf(unit: RosterUnit): string[] {
  return [unit.name, ...(unit.short ? [unit.short] : []), ...(unit.aliases ?? [])];
}
