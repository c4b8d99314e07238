// A template problem (syntax, unknown directive, runaway expansion), carried as a diagnostic
// that names the template file and line. Its own module so that callers can recognise it without
// loading Handlebars.
import type { Diagnostic } from '../diagnostic.js';

export class TemplateError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}
