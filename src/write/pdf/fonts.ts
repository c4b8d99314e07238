// The official 公文 fonts are licensed and absent on Linux. For the PDF only, each is mapped to
// a free font from Debian's packages through a private fontconfig file; the .docx keeps naming
// the official fonts. Each entry lists candidates in order of closeness of design.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface FontSubstitute {
  official: string[];
  /** Free families, best first, with the Debian package that provides each. */
  candidates: { family: string; package: string }[];
}

export const FONT_SUBSTITUTES: FontSubstitute[] = [
  {
    official: ['仿宋_GB2312', '仿宋', 'FangSong', 'FangSong_GB2312'],
    candidates: [
      { family: 'FandolFang', package: 'texlive-lang-chinese' },
      { family: 'Noto Serif CJK SC', package: 'fonts-noto-cjk' },
    ],
  },
  {
    official: ['方正小标宋简体', '方正小标宋_GBK', '小标宋'],
    candidates: [
      { family: 'Noto Serif CJK SC', package: 'fonts-noto-cjk' },
      { family: 'FandolSong', package: 'texlive-lang-chinese' },
    ],
  },
  {
    official: ['黑体', 'SimHei'],
    candidates: [
      { family: 'Noto Sans CJK SC', package: 'fonts-noto-cjk' },
      { family: 'FandolHei', package: 'texlive-lang-chinese' },
    ],
  },
  {
    official: ['楷体_GB2312', '楷体', 'KaiTi', 'KaiTi_GB2312'],
    candidates: [
      { family: 'LXGW WenKai', package: 'fonts-lxgw-wenkai' },
      { family: 'FandolKai', package: 'texlive-lang-chinese' },
    ],
  },
  {
    official: ['宋体', 'SimSun', 'SimSun-ExtB'],
    candidates: [
      { family: 'Noto Serif CJK SC', package: 'fonts-noto-cjk' },
      { family: 'FandolSong', package: 'texlive-lang-chinese' },
    ],
  },
];

/** Debian installs the Fandol fonts for TeX only; fontconfig is pointed at them here. */
const EXTRA_FONT_DIRS = ['/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol'];

export interface FontPlan {
  /** Path of the fontconfig file to pass as FONTCONFIG_FILE, when one was written. */
  configFile?: string;
  /** "仿宋_GB2312 → FandolFang", for the user. */
  substituted: string[];
  /** Official fonts for which no free stand-in is installed, with the package to install. */
  missing: string[];
}

function installedFamilies(configFile: string): Set<string> {
  try {
    const out = execFileSync('fc-list', [':', 'family'], { encoding: 'utf8', env: { ...process.env, FONTCONFIG_FILE: configFile }, timeout: 20_000 });
    return new Set(out.split('\n').flatMap((line) => line.split(',').map((f) => f.trim())));
  } catch {
    return new Set();
  }
}

const xmlText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Writes the fontconfig file into `dir` (Linux and other fontconfig systems only). */
export function planFonts(dir: string): FontPlan {
  if (process.platform === 'win32' || process.platform === 'darwin') return { substituted: [], missing: [] };
  mkdirSync(dir, { recursive: true });
  const configFile = path.join(dir, 'fonts.conf');
  const dirs = EXTRA_FONT_DIRS.filter((d) => existsSync(d));
  const base = (rules: string): string => `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
${dirs.map((d) => `  <dir>${xmlText(d)}</dir>`).join('\n')}
  <cachedir>${xmlText(path.join(dir, 'cache'))}</cachedir>
${rules}
</fontconfig>
`;
  writeFileSync(configFile, base(''));
  const families = installedFamilies(configFile);
  const substituted: string[] = [];
  const missing: string[] = [];
  const rules: string[] = [];
  for (const entry of FONT_SUBSTITUTES) {
    if (entry.official.some((f) => families.has(f))) continue; // the real font is installed
    const found = entry.candidates.find((c) => families.has(c.family));
    if (!found) {
      missing.push(`${entry.official[0]}（可安装 ${entry.candidates[0]!.package}）`);
      continue;
    }
    substituted.push(`${entry.official[0]} → ${found.family}`);
    for (const official of entry.official) {
      rules.push(
        `  <match target="pattern"><test name="family"><string>${xmlText(official)}</string></test>` +
          `<edit name="family" mode="assign" binding="strong"><string>${xmlText(found.family)}</string></edit></match>`,
      );
    }
  }
  writeFileSync(configFile, base(rules.join('\n')));
  return { configFile, substituted, missing };
}
