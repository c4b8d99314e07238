// The bundled templates (templates/<level>/report.hbs) compiled at build time, which spares a
// cold render Handlebars' compiler pass. This stub is what the sources have: the build replaces
// it, in dist/ and in the CLI bundle, by the generated module. Each entry keeps the source it was
// compiled from, so a template edited in place after the build is compiled afresh.
import type Handlebars from 'handlebars';

type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

export interface PrecompiledTemplate {
  source: string;
  spec: TemplateSpecification;
}

/** Keyed by the path below templates/, with '/' separators: 'district/report.hbs'. */
export const PRECOMPILED_TEMPLATES: Readonly<Record<string, PrecompiledTemplate>> = {};
