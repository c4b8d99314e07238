// Run properties from a profile font. The East Asian slot must be set or Word falls back to its
// theme font; ascii/hAnsi name the same font and hint="eastAsia" so that “”, — and digits use
// the body font rather than a Western fallback.

import type { IRunOptions } from 'docx';
import type { FontSpec, LayoutProfile } from '../../layout/profile.js';

export function runFont(spec: FontSpec, profile: LayoutProfile): Pick<IRunOptions, 'font' | 'size' | 'bold' | 'characterSpacing'> {
  const family = spec.family.value;
  return {
    font: { eastAsia: family, ascii: family, hAnsi: family, cs: family, hint: 'eastAsia' },
    size: spec.size.value * 2, // half-points
    ...(spec.bold?.value ? { bold: true } : {}),
    // The LibreOffice compensation applies to text set at the body size only.
    ...(spec.size.value === profile.fonts.body.size.value ? { characterSpacing: profile.grid.runCharSpacing.value } : {}),
  };
}
