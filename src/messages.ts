// The messages that are not content rules, in one typed catalogue: what the loader says about a
// file before there is data to check (it cannot be read, it is not YAML, a keyboard slip the
// parser lets through), what the schema, the template and the layout files say, what the other
// files read beside a report say about themselves. Content checks on the parsed data are rules
// (check/rules, each with its table of cases); these are the rest, like ESLint's parse errors.
// No module writes an id of its own: each says `diagnosticOf(LOAD.notFound, …)`, so every id a
// user can see is listed here once, and the README lists them all (npm run rules-doc).

import type { Diagnostic, Position, Severity } from './diagnostic.js';

export interface MessageKind<A extends readonly unknown[] = readonly unknown[]> {
  id: string;
  severity: Severity;
  /** What it says and why (the README's list). */
  basis: string;
  /** The Chinese sentence, from what the finder knows. */
  text: (...args: A) => string;
}

const kind = <A extends readonly unknown[]>(k: MessageKind<A>): MessageKind<A> => k;

/** Reading the file: size, encoding, YAML, the limits, and slips YAML accepts silently. */
export const LOAD = {
  tooLarge: kind({
    id: 'load/too-large',
    severity: 'error',
    basis: '数据文件有大小上限（一份报告通常不到 100 KB），超过的多半是选错了文件，不读取',
    text: (sizeMb: string, limitMb: number) => `文件大小 ${sizeMb} MB，超过上限 ${limitMb} MB；一份报告的数据通常不到 100 KB，请检查是否选错了文件。`,
  }),
  notFound: kind({ id: 'load/not-found', severity: 'error', basis: '指定的数据文件不存在', text: () => '找不到这个文件，请检查路径和文件名。' }),
  isDirectory: kind({ id: 'load/is-directory', severity: 'error', basis: '指定的是文件夹而不是数据文件', text: () => '这是一个文件夹，不是数据文件。' }),
  notAFile: kind({
    id: 'load/not-a-file',
    severity: 'error',
    basis: '设备、管道等不是普通文件，读取可能永不结束，不读取',
    text: () => '这不是普通文件（可能是设备或管道），请选择 .yaml 数据文件。',
  }),
  unreadable: kind({
    id: 'load/unreadable',
    severity: 'error',
    basis: '文件无法读取（没有权限、被占用）',
    text: () => '无法读取这个文件（可能没有访问权限或正被其他程序占用）。',
  }),
  binary: kind({
    id: 'load/binary',
    severity: 'error',
    basis: '不是文本文件（Word 文档、压缩包等），不当作数据读取',
    text: () => '这不是文本文件（可能选错了文件，例如 Word 文档或压缩包）。请选择 .yaml 数据文件。',
  }),
  gbk: kind({
    id: 'load/gbk',
    severity: 'warning',
    basis: 'GBK 编码的文件能正确读取，但在其他电脑和编辑器中容易乱码，建议改存 UTF-8（每个文件只提示一次）',
    text: () => '文件是 GBK（GB18030）编码，已正确读取；建议另存为 UTF-8 编码，以便在其他电脑和编辑器中使用。',
  }),
  encoding: kind({
    id: 'load/encoding',
    severity: 'error',
    basis: '文字编码既不是 UTF-8 也不是 GBK 时无法可靠读取，不猜测',
    text: () => '无法识别文件的文字编码（既不是 UTF-8 也不是 GBK）。请在编辑器中另存为 UTF-8 编码后重试。',
  }),
  empty: kind({
    id: 'load/empty',
    severity: 'error',
    basis: '文件是空的或只有注释，没有报告内容',
    text: () => '文件是空的（或只有注释），没有报告内容。可以用 fazhi init 生成一份带说明的模板。',
  }),
  notAMap: kind({
    id: 'load/not-a-map',
    severity: 'error',
    basis: '报告数据是“键: 值”的集合，不是一段文字或一个列表',
    text: () => '文件内容应是“键: 值”形式的报告数据（例如 level: district），而不是一段文字或一个列表。',
  }),
  tooManyValues: kind({
    id: 'load/too-many-values',
    severity: 'error',
    basis: '值的个数有上限，边读边数，超大或恶意的文件在几毫秒内停止读取',
    text: (limit: number) => `文件中的值超过 ${limit} 个，超出一份报告的合理规模，已停止读取。`,
  }),
  tooDeep: kind({
    id: 'load/too-deep',
    severity: 'error',
    basis: '嵌套层级有上限，边读边数，超深的文件不会耗尽栈',
    text: (limit: number) => `嵌套层级超过 ${limit} 层，超出一份报告的合理结构，已停止读取。`,
  }),
  alias: kind({
    id: 'load/alias',
    severity: 'error',
    basis: '报告用不到 YAML 锚点和别名，它们是“十亿笑声”攻击的途径，不支持',
    text: () => '不支持 YAML 锚点和别名（&、*），请把内容直接写出来。',
  }),
  controlCharacter: kind({
    id: 'load/control-character',
    severity: 'warning',
    basis: 'Word 文档不能含有的不可见控制字符（多由粘贴带入）删除后提示，不让文档打不开',
    text: (count: number, name: string) => `这里有 ${count} 个无法写入 Word 文档的不可见字符（${name}），已删除；这类字符通常是从其他程序粘贴时带入的。`,
  }),
  swallowedItem: kind({
    id: 'load/swallowed-item',
    severity: 'error',
    basis: '缩进多了的“- ”行被 YAML 并入上一项的文字，文档会多出“ - ”、少一个序号；用户写的应按写的进入文档',
    text: (line: string, above: number) =>
      `这一行“${line}”以“- ”开头，像是一个新的列表项，但它比上面第 ${above} 行的“- ”缩进得多，被并入了那一项的文字（文档中会出现“ - ”，序号也会少一个）。请让两行的“- ”对齐；如果它确实是上一项文字的一部分，请给整段文字加上引号。`,
  }),
  swallowedKey: kind({
    id: 'load/swallowed-key',
    severity: 'error',
    basis: '缩进多了的“键: ”行被 YAML 并入上面的文字，这个键就丢了',
    text: (line: string, key: string, above: number) =>
      `这一行“${line}”像是键“${key}”，但它比第 ${above} 行的文字缩进得多，被并入了那段文字。请让它与同一层级的其他键对齐；如果它确实是文字的一部分，请给整段文字加上引号。`,
  }),
  commentInText: kind({
    id: 'load/comment-in-text',
    severity: 'warning',
    basis: '正文中空格后的“#”起到行末被 YAML 当作注释丢掉，用户写的文字没有进入文档',
    text: (dropped: string, start: string) =>
      `“${dropped}”被当作注释（“#”前有空格时，从“#”起到行末都是注释），没有进入文档。如果它是正文的一部分，请给整段文字加上引号，例如 "…${start}"；如果确是说明，请在“#”前空两格、后空一格。`,
  }),
  fullWidthCommaInList: kind({
    id: 'load/full-width-comma-in-list',
    severity: 'warning',
    basis: '方括号列表中的中文逗号不分隔各项，几个名称会成为一项',
    text: (item: string) =>
      `方括号中的“${item}”是一项：各项之间要用英文逗号“,”分隔，中文逗号“，”不起分隔作用。如果这是几项，请把“，”改为“,”；如果确是一项，请给它加上引号。`,
  }),
} as const;

/** The YAML syntax, as the parser finds it (messages: load/yaml-messages.ts). */
export const YAML = {
  syntax: kind({
    id: 'yaml/syntax',
    severity: 'error',
    basis: 'YAML 语法错误（只报第一个，其余多由它引起），用中文说明原因和改法',
    text: (explained: string) => explained,
  }),
  duplicateKey: kind({
    id: 'yaml/duplicate-key',
    severity: 'error',
    basis: '同一层级重复的键会让后一个悄悄覆盖前一个',
    text: (key: string) => `键“${key}”在同一层级重复出现，后一个会覆盖前一个；请删除或合并重复的键。`,
  }),
} as const;

/**
 * The JSON Schema of each kind of file: the id is the kind's prefix and the keyword that failed
 * (schema/required, roster/type, profile/minimum…); the messages come from check/schema-messages.ts.
 */
export const SCHEMA_KINDS = {
  report: { prefix: 'schema', label: '', basis: '报告数据须符合 schema/report.schema.json：必填项、类型、取值范围、键名（拼错时提示最接近的键）' },
  roster: { prefix: 'roster', label: '单位名册', basis: '单位名册（units.yaml）须符合它的格式：区县名称、各单位的全称、简称、层级' },
  profile: { prefix: 'profile', label: '版式文件', basis: '版式文件（--profile）须符合它的格式：每项是数值或文字，在合理范围内' },
} as const;
export type SchemaKind = keyof typeof SCHEMA_KINDS;

export const schemaId = (schemaKind: SchemaKind, keyword: string): string => `${SCHEMA_KINDS[schemaKind].prefix}/${keyword}`;

/** The check's own findings besides the rules. */
export const CHECK = {
  placeholder: kind({
    id: 'placeholder',
    severity: 'error',
    basis: '由 fazhi new-year、init 生成的【待填写】标记必须改写，否则会印进文档（数据格式有错时也列出）',
    text: (excerpt: string, marker: string) => `尚未填写：“${excerpt}”。请按本年度实际情况改写，并删除“${marker}”标记。`,
  }),
} as const;

/** The other files read beside a report: the roster, last year's report. */
export const FILES = {
  rosterEmpty: kind({
    id: 'roster/empty',
    severity: 'error',
    basis: '单位名册是空的或只有注释',
    text: () => '单位名册是空的：请写上 district（区县名称）和 units（单位列表）。',
  }),
  rosterDuplicate: kind({
    id: 'roster/duplicate',
    severity: 'error',
    basis: '单位名册中每个名称（全称、简称、其他名称）只能指一个单位，否则分工和汇总会认错单位',
    text: (name: string, index: number, other: string) => `单位名册：“${name}”与第 ${index} 个单位（${other}）的名称重复；每个名称只能指一个单位。`,
  }),
  previousInvalid: kind({
    id: 'previous/invalid',
    severity: 'warning',
    basis: '上年的数据文件有错误时不用于同比和重复检查，应告知用户',
    text: (file: string) => `上年的数据文件“${file}”有错误（可用 fazhi validate 查看），本次没有用于同比和重复检查。`,
  }),
  previousYear: kind({
    id: 'previous/year',
    severity: 'warning',
    basis: '作为上年数据的文件应是上一年度的报告，否则同比数字不对',
    text: (file: string, year: number, expected: number) => `作为上年数据的“${file}”是 ${year} 年的报告，不是 ${expected} 年的，同比数字可能不对，请核对。`,
  }),
} as const;

/** The template (--templates) and the layout files (--profile, --reference-doc). */
export const OUTPUT = {
  template: kind({
    id: 'template',
    severity: 'error',
    basis: '模板（--templates）的语法、@ 指令和数据引用有误时不生成文档，指出模板中的行',
    text: (message: string) => message,
  }),
  templateNoTitle: kind({
    id: 'template/no-title',
    severity: 'error',
    basis: '模板必须有 @title 行，文档才有标题',
    text: () => '模板中没有 @title 行，无法生成标题。',
  }),
  profilePage: kind({
    id: 'profile/page',
    severity: 'error',
    basis: '版式文件改动后页面仍须容得下版心（宽、高都有下限），页码须在下边距之内',
    text: (message: string) => `版式文件：${message}`,
  }),
  profileControlCharacter: kind({
    id: 'profile/control-character',
    severity: 'error',
    basis: '版式是要原样采用的设置，不可见控制字符不删除了事，而是报错',
    text: (loaderMessage: string) => `版式文件：${loaderMessage.replace(/，已删除.*$/, '')}，版式中不能有这种字符，请删除。`,
  }),
  referenceDoc: kind({
    id: 'reference-doc',
    severity: 'warning',
    basis: '本单位模板（--reference-doc）中与 GB/T 9704 不同的字体、字号、行距、字距、页边距、页码和页眉照模板采用，会破坏版面的（段前段后间距、比字还小的行距等）不采用，逐项提示',
    text: (message: string) => message,
  }),
} as const;

/**
 * What `fazhi import` says about a published report it turned into data: what it could not
 * recognise and where it put it (at the original's line, or its paragraph in a Word document).
 */
export const IMPORT = {
  noSections: kind({
    id: 'import/no-sections',
    severity: 'warning',
    basis: '原文没有“一、”“二、”这样的部分标题时无法分部分，全文放在导语中',
    text: () => '没有找到“一、”“二、”这样编号的部分标题，全文放在导语中；请按报告的五个部分整理。',
  }),
  tableRow: kind({
    id: 'import/table-row',
    severity: 'warning',
    basis: '原文表格的行按文字保留，不猜测成数据项',
    text: () => '这一行原是表格的一行，已按文字保留；表格中的数据可以写在 metrics 中。',
  }),
  partByContent: kind({
    id: 'import/part-by-content',
    severity: 'warning',
    basis: '标题没有说明是哪一部分时按内容归入，须提示核对',
    text: (heading: string, part: string, key: string) => `“${heading}”的标题没有说明是报告的哪一部分，按其内容放在“${part}”（${key}）中，请核对。`,
  }),
  duplicatePart: kind({
    id: 'import/duplicate-part',
    severity: 'warning',
    basis: '原文有两个同类的部分时，后一个放在“其他需要报告的情况”中，不丢失',
    text: (heading: string) => `原文有两个“${heading}”这样的部分，后一个放在“其他需要报告的情况”（other）中，请核对。`,
  }),
  unclassified: kind({
    id: 'import/unclassified',
    severity: 'warning',
    basis: '判断不了属于哪一部分的内容保留原标题放在“其他需要报告的情况”中，不丢失',
    text: (heading: string) => `未能判断“${heading}”属于报告的哪一部分，已放在“其他需要报告的情况”（other）中，保留原标题。`,
  }),
  leftover: kind({
    id: 'import/leftover',
    severity: 'warning',
    basis: '报告末尾未能识别的文字放在“其他需要报告的情况”中，不丢失',
    text: (text: string) => `“${text.length > 30 ? `${text.slice(0, 30)}…` : text}”在报告末尾，未能识别，已放在“其他需要报告的情况”（other）中。`,
  }),
  missingPart: kind({
    id: 'import/missing-part',
    severity: 'warning',
    basis: '原文缺少的部分须指出（导入的往年报告按原样保留，只作提示）',
    text: (name: string, key: string, foldedUnder?: string) =>
      `原文中没有找到“${name}”部分（${key}）。${foldedUnder ? `原文在“主要举措和成效”的“${foldedUnder}”中写了第一责任人履职的情况，已保留在那里。` : ''}`,
  }),
  unit: kind({
    id: 'import/unit',
    severity: 'error',
    basis: '识别不出报告单位时不猜测，写作【待填写】并要求填写',
    text: () => '未能从原文中识别报告单位（标题、署名和网页信息中都没有找到），已写作“【待填写】”：请在 unit 中填写单位全称和简称。',
  }),
  level: kind({
    id: 'import/level',
    severity: 'error',
    basis: '从单位名称判断不出层级时不猜测，写作【待填写】并要求填写',
    text: (unit: string) => `未能从单位名称“${unit}”判断报告的层级，已写作“【待填写】”：请把 level 改为 district（区/县政府）、department（政府部门）或 town（乡镇/街道）。`,
  }),
  year: kind({
    id: 'import/year',
    severity: 'error',
    basis: '识别不出报告年度时不猜测，写作【待填写】并要求填写',
    text: () => '未能从原文中识别报告年度（标题、导语和成文日期中都没有找到），已写作“【待填写】”：请在 year 中填写报告所写的年度，例如 2024。',
  }),
  coverLetter: kind({
    id: 'import/cover-letter',
    severity: 'warning',
    basis: '报告前的呈报函放在导语开头（其署名和日期用作报告的署名和日期），须提示核对',
    text: (where: string, signs: boolean) =>
      `原文在报告之前有一封呈报函（${where}起），其文字已放在导语（preamble）的开头${signs ? '，其署名和日期用作本报告的署名和成文日期' : ''}。`,
  }),
  importedMissingPart: kind({
    id: 'imported/missing-part',
    severity: 'warning',
    basis: '导入的往年报告缺少的部分无法补写，只作提示（而不是数据格式错误）',
    text: (name: string, key: string) => `原文没有“${name}”这一部分（${key}）；这是导入的往年报告，只作提示。`,
  }),
} as const;

/** Every message kind of the catalogue, for the README's list and the test that keeps it. */
export const ALL_MESSAGES: readonly MessageKind<never>[] = [...Object.values(LOAD), ...Object.values(YAML), ...Object.values(CHECK), ...Object.values(FILES), ...Object.values(OUTPUT), ...Object.values(IMPORT)];

/** Severity, id and message of a finding of this kind (the finder adds where it is). */
export function messageOf<A extends readonly unknown[]>(k: MessageKind<A>, ...args: A): Pick<Diagnostic, 'severity' | 'ruleId' | 'message'> {
  return { severity: k.severity, ruleId: k.id, message: k.text(...args) };
}

/** A Diagnostic of this kind about `file` (at `position`, or about a value at `pointer`). */
export function diagnosticOf<A extends readonly unknown[]>(k: MessageKind<A>, at: { file: string; position?: Position; pointer?: string }, ...args: A): Diagnostic {
  return { ...messageOf(k, ...args), file: at.file, ...(at.position ? { position: at.position } : {}), ...(at.pointer !== undefined ? { pointer: at.pointer } : {}) };
}

/** Whether a diagnostic is of this kind (instead of comparing id strings). */
export const isKind = (d: Pick<Diagnostic, 'ruleId'>, k: MessageKind<never>): boolean => d.ruleId === k.id;

const SEVERITY_NAMES = { error: '错误', warning: '警告' } as const;

/** The catalogue as the README lists it, below the rules (`npm run rules-doc` writes it; a test keeps it current). */
export function messageListMarkdown(): string {
  const rows = [
    ...ALL_MESSAGES.map((k) => `| \`${k.id}\` | ${SEVERITY_NAMES[k.severity]} | ${k.basis} |`),
    ...Object.values(SCHEMA_KINDS).map((s) => `| \`${s.prefix}/<关键字>\` | 错误 | ${s.basis} |`),
  ];
  return ['| 编号 | 级别 | 说明什么 |', '|---|---|---|', ...rows].join('\n');
}
