// Explicit limits on input and on template rendering, so that no file can make the tool hang or
// exhaust memory. Each has its own message (see README 故障排除); the values are measured, not
// guessed: a full district report (data/示例区/2024/report.yaml) is 32 KB with 414 values and
// nesting depth 9, and renders in well under a second.

export const LOAD_LIMITS = {
  /** Largest data file read, in bytes. Plain text this size still loads in about a second. */
  maxFileBytes: 5 * 1024 * 1024,
  /** Deepest nesting of maps and lists; a report needs about 10. */
  maxDepth: 40,
  /**
   * Most values in one file (50 times a full report). The YAML parser spends about 15 µs per
   * value and the .docx writer about 0.1 ms per paragraph, so 100 000 values would take 20 s.
   */
  maxNodes: 20_000,
} as const;

export const TEMPLATE_LIMITS = {
  /** Longest a template may take to fill in; ours take about a millisecond. */
  renderMs: 2_000,
  /** Most lines (@ elements) a template may output; ours output about 15. */
  maxDirectives: 1_000,
  /** Longest template output, in characters: room for every text of the largest data file. */
  maxOutputChars: 2 * LOAD_LIMITS.maxFileBytes,
  /** Largest template file, in bytes; ours are about 2 KB. */
  maxTemplateBytes: 256 * 1024,
  /** Deepest nesting of {{#…}} blocks; ours nest 3 deep (20,000 levels overflowed the parser's stack). */
  maxBlockDepth: 40,
} as const;
