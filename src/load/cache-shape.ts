// Checking a disk-cache entry's value as strictly as a file from the user before anything uses
// it: every field the code reads has the type it expects (a `null` where a name goes crashed
// with "Cannot read properties of undefined"), every figure is a finite number. A value that
// fails throws ShapeError and the entry is computed afresh.

export class ShapeError extends Error {}

type Obj = Record<string, unknown>;

export function object(v: unknown, what: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ShapeError(`${what}: not an object`);
  return v as Obj;
}

export function array(v: unknown, what: string): unknown[] {
  if (!Array.isArray(v)) throw new ShapeError(`${what}: not an array`);
  return v;
}

export function string(v: unknown, what: string): string {
  if (typeof v !== 'string') throw new ShapeError(`${what}: not a string`);
  return v;
}

export function optionalString(v: unknown, what: string): void {
  if (v !== undefined) string(v, what);
}

export function finite(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ShapeError(`${what}: not a finite number`);
  return v;
}

export function count(v: unknown, what: string): number {
  const n = finite(v, what);
  if (!Number.isInteger(n) || n < 0) throw new ShapeError(`${what}: not a count`);
  return n;
}

export function oneOf(v: unknown, allowed: readonly string[], what: string): void {
  if (typeof v !== 'string' || !allowed.includes(v)) throw new ShapeError(`${what}: not one of ${allowed.join(', ')}`);
}

/** The parts of checked report data that cached results hand on (unit, year, level, figures). */
export function reportData(v: unknown, what: string): void {
  const r = object(v, what);
  oneOf(r.level, ['district', 'department', 'town'], `${what}.level`);
  count(r.year, `${what}.year`);
  const unit = object(r.unit, `${what}.unit`);
  string(unit.name, `${what}.unit.name`);
  optionalString(unit.short, `${what}.unit.short`);
  if (r.metrics !== undefined) {
    array(r.metrics, `${what}.metrics`).forEach((m, i) => {
      const metric = object(m, `${what}.metrics[${i}]`);
      string(metric.id, `${what}.metrics[${i}].id`);
      string(metric.label, `${what}.metrics[${i}].label`);
      string(metric.unit, `${what}.metrics[${i}].unit`);
      if (metric.value !== undefined) finite(metric.value, `${what}.metrics[${i}].value`);
      if (metric.value === undefined && metric.rollup === undefined) throw new ShapeError(`${what}.metrics[${i}]: neither value nor rollup`);
    });
  }
}

/** A diagnostic as the loader and the checks make it. */
export function diagnostic(v: unknown, what: string): void {
  const d = object(v, what);
  oneOf(d.severity, ['error', 'warning'], `${what}.severity`);
  string(d.ruleId, `${what}.ruleId`);
  string(d.message, `${what}.message`);
  string(d.file, `${what}.file`);
  optionalString(d.pointer, `${what}.pointer`);
  if (d.position !== undefined) position(d.position, `${what}.position`);
}

export function position(v: unknown, what: string): void {
  const p = object(v, what);
  count(p.line, `${what}.line`);
  count(p.column, `${what}.column`);
}
