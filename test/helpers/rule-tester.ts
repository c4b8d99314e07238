// A RuleTester after ESLint's: each content rule is run alone on small reports written in YAML,
// and must report nothing on the valid ones and exactly the listed messages, at the listed line
// and column, on the invalid ones. The report is loaded and schema-checked as the CLI does, so a
// case that the schema refuses fails loudly instead of passing unnoticed. A rule that reads a
// cross-file context (roster, last year, the folder's year) gets it with the case, as the
// pipeline would pass it, and must stay silent on every case when that context is not known.
import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/check/index.js';
import type { RuleContext } from '../../src/check/context.js';
import type { Rule } from '../../src/check/rule.js';
import { checkSchema } from '../../src/check/schema.js';
import type { ReportData } from '../../src/data/report.js';
import { loadReportText } from '../../src/load/index.js';

export interface ValidCase {
  name: string;
  yaml: string;
  /** What the pipeline would have found around the file (default: the table's `context`). */
  context?: RuleContext;
}

export interface InvalidCase extends ValidCase {
  errors: { message: string; line: number; column: number }[];
}

export interface RuleCases {
  /** The context of every case that brings none of its own. */
  context?: RuleContext;
  valid: ValidCase[];
  invalid: InvalidCase[];
}

function findings(rule: Rule, yaml: string, context: RuleContext = {}): { message: string; line: number; column: number }[] {
  const source = loadReportText(new TextEncoder().encode(yaml), 'r.yaml');
  const problems = [...source.diagnostics, ...checkSchema(source)].filter((d) => d.severity === 'error');
  expect(problems.map((d) => d.message), 'the case itself must pass the schema').toEqual([]);
  return runRules(source, source.data as ReportData, [rule], context).map((d) => ({ message: d.message, line: d.position?.line ?? 0, column: d.position?.column ?? 0 }));
}

export function ruleTester(rule: Rule, cases: RuleCases): void {
  describe(`rule ${rule.id}`, () => {
    it('says what it enforces and where that comes from', () => {
      expect(rule.basis.length).toBeGreaterThan(8);
    });
    it.each(cases.valid.map((c) => [c.name, c] as const))('valid: %s', (_name, c) => {
      expect(findings(rule, c.yaml, c.context ?? cases.context)).toEqual([]);
    });
    it.each(cases.invalid.map((c) => [c.name, c] as const))('invalid: %s', (_name, c) => {
      expect(findings(rule, c.yaml, c.context ?? cases.context)).toEqual(c.errors);
    });
    if (rule.needs?.length) {
      it.each(cases.invalid.map((c) => [c.name, c] as const))('without its context, silent on: %s', (_name, c) => {
        const context: RuleContext = { ...(c.context ?? cases.context) };
        for (const need of rule.needs ?? []) delete context[need];
        expect(findings(rule, c.yaml, context)).toEqual([]);
      });
    }
  });
}
