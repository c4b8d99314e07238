// One set of Handlebars compile options, used both to precompile the bundled templates at build
// time (scripts/build.mjs) and to compile a template at run time: both must produce the same
// function. Data is never HTML-escaped (the output is directives, not HTML).
export const TEMPLATE_COMPILE_OPTIONS = { noEscape: true, strict: false, preventIndent: true } as const;
