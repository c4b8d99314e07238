// The bundled templates precompiled at build time (Handlebars.precompile, scripts/build.mjs).
// Why: a profile of a cold render put 6 % of it in Handlebars parsing (twice: once to report
// syntax errors at their line, once inside compile) and compiling templates/<level>/report.hbs,
// the same text every run. This stub is what the sources have: the build replaces it, in dist/
// and in the CLI bundle, by a module holding each bundled template's text and its compiled form.
// A template is taken from here only when its text is exactly one of these (compiling is a pure
// function of the text and the options), so an edited or user template is compiled as before.

// TemplateSpecification: Handlebars' global type of a precompiled template.
export interface PrecompiledTemplate {
  source: string;
  spec: TemplateSpecification;
}

export const precompiledTemplates: readonly PrecompiledTemplate[] = [];
