// Explicit limits on input, so that no file can make the tool hang or exhaust memory.
// Each has its own message (see README 故障排除).

export const LOAD_LIMITS = {
  /** Largest data file read, in bytes. A full district report is about 40 KB. */
  maxFileBytes: 5 * 1024 * 1024,
  /** Deepest nesting of maps and lists; a report needs about 12. */
  maxDepth: 40,
  /** Most nodes (values) in one file. */
  maxNodes: 200_000,
} as const;
