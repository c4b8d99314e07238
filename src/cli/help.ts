// Command table and help texts (Chinese). Kept apart from the commands so that `--help` loads
// nothing else.

import { EXIT_CODES_HELP } from '../diagnostic.js';

export type CommandName = 'serve' | 'validate' | 'render' | 'watch' | 'batch' | 'tasks' | 'init' | 'new-year' | 'import';

interface CommandSpec {
  summary: string;
  help: string;
  options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;
}

const help = { help: { type: 'boolean' as const, short: 'h' } };

/** render and watch take the same options: watch renders the same way on every save. */
const RENDER_OPTIONS: CommandSpec['options'] = {
  ...help,
  output: { type: 'string', short: 'o' },
  templates: { type: 'string' },
  profile: { type: 'string' },
  'reference-doc': { type: 'string' },
  pdf: { type: 'boolean' },
  html: { type: 'boolean' },
  previous: { type: 'string' },
  verbose: { type: 'boolean' },
};

export const COMMANDS: Record<CommandName, CommandSpec> = {
  serve: {
    summary: '打开工作台：在浏览器中编辑、检查、预览和下载报告（推荐）',
    options: { ...help, port: { type: 'string' }, 'no-open': { type: 'boolean' } },
    help: `用法：fazhi serve [数据文件夹] [--port 端口] [--no-open]

在本机启动工作台并用默认浏览器打开：左边是数据文件夹中的报告（区县、各部门、乡镇街道和单位名册）
及其状态，中间是编辑器（输入时即时标出问题，与 fazhi validate 的提示和行号相同），右边是按公文格式
排出的页面。可以保存、下载 Word 文档、PDF 和网页，查看全区报送情况、运行批量生成、开始新报告、
生成下一年度、导入往年报告。数据仍是文件夹中的 .yaml 文件。

工作台只在本机（127.0.0.1）上可以访问，地址中带有每次启动时随机生成的口令；
只读写数据文件夹中的文件。按 Ctrl+C 停止。

选项：
  数据文件夹        默认为当前文件夹下的 data/（没有时为当前文件夹）。
  --port 端口       使用指定的端口（默认自动选择一个空闲端口）。
  --no-open         不自动打开浏览器，只显示地址。

示例：
  fazhi serve
  fazhi serve data/示例区 --port 8080`,
  },
  validate: {
    summary: '检查数据文件的格式和内容',
    options: { ...help, previous: { type: 'string' } },
    help: `用法：fazhi validate 文件… [--previous 上年文件]

检查一个或多个报告数据文件（.yaml），一次列出全部问题，每条写作：
  文件:行:列 错误|警告 说明

同时与上年的报告比较：自动查找同一单位上一年度的文件（例如 data/示例区/2025/report.yaml
对应 data/示例区/2024/report.yaml），与上年几乎相同的段落给出警告，并写明上年文件中的位置。

选项：
  --previous 上年文件   指定上一年度的数据文件（只检查一个文件时），代替自动查找。

${EXIT_CODES_HELP}

示例：
  fazhi validate data/示例区/2024/report.yaml
  fazhi validate data/示例区/2024/departments/*.yaml`,
  },
  render: {
    summary: '校验并生成公文格式的 Word 文档（.docx）',
    options: RENDER_OPTIONS,
    help: `用法：fazhi render 文件… [-o 输出] [--pdf] [--html] [--profile 版式文件] [--reference-doc 本单位模板.docx] [--templates 模板文件夹]

先校验数据（有错误时不生成，并列出问题），再按 GB/T 9704—2012 公文格式生成 Word 文档。

选项：
  -o, --output 输出     输出的 .docx 文件（只有一个数据文件时），或输出文件夹。
                        默认写到 output/ 下，与 data/ 下的路径对应，文件名取报告标题。
  --pdf                 同时生成 PDF（需要 LibreOffice；在 Linux 上缺少公文字体时用免费字体代替，
                        并列出替换了哪些字体；Word 文档中仍写公文字体）。
  --html                同时生成网页（.html），用于在政府网站公开，手机上可读，打印接近纸质版式。
  --profile 版式文件    使用地方版式（YAML，只写与国标不同的项），见 profiles/示例省变体.yaml。
  --reference-doc 本单位模板.docx
                        按本单位的 Word/WPS 模板（.docx、.dotx）排版：取“正文”“标题”“标题 1”至
                        “标题 4”样式的字体、字号和加粗（含主题字体），正文的行距、字距和首行缩进，
                        纸张、页边距和文档网格，页脚中的页码和页眉；与国标不同之处逐项给出警告
                        （模板是 .doc、有密码或不是有效的 .docx 时说明原因，不生成）。
  --templates 文件夹    使用自己的模板（文件夹中放 district/、department/、town/ 的 report.hbs）。
  --previous 上年文件   上一年度的数据文件，用于同比数字和附表；默认自动查找同一单位上一年度的文件。
  --verbose             逐项说明汇总数据（rollup）的来源：哪些单位计入、哪些没有这一项。
  -h, --help            显示本说明。

示例：
  fazhi render data/示例区/2024/report.yaml
  fazhi render data/示例区/2024/report.yaml -o 报告.docx
  fazhi render data/示例区/2024/report.yaml --pdf --html`,
  },
  watch: {
    summary: '边写边看：每次保存数据或模板后自动重新生成',
    options: RENDER_OPTIONS,
    help: `用法：fazhi watch 文件 [-o 输出] [--pdf] [--html] [--profile 版式文件] [--reference-doc 本单位模板.docx] [--templates 模板文件夹]

先生成一次，然后监视数据文件和模板：每次保存后自动重新校验和生成，并显示问题或生成的文件和用时。
保存的内容有错误时只显示提示，上一次生成的文件保持不变。按 Ctrl+C 停止。选项与 render 相同。

示例：
  fazhi watch data/示例区/2024/report.yaml
  fazhi watch data/示例区/2024/report.yaml --html`,
  },
  batch: {
    summary: '批量校验并生成一个文件夹中的全部报告，列出缺报单位，生成汇总表',
    options: { ...help, output: { type: 'string', short: 'o' }, jobs: { type: 'string' }, date: { type: 'string' }, profile: { type: 'string' }, 'reference-doc': { type: 'string' } },
    help: `用法：fazhi batch 文件夹 [-o 输出文件夹] [--jobs 并行数] [--date 截至日期] [--profile 版式文件] [--reference-doc 本单位模板.docx]

校验并生成文件夹中的全部报告（区县报告、departments/ 下的部门报告和 towns/ 下的乡镇街道报告），
报告较多时用上全部 CPU 核心同时处理。某份报告有错误或输出文件正被 Word/WPS 打开时，
记下问题后继续处理其余报告。

单位名册 units.yaml（放在区县文件夹中，例如 data/示例区/units.yaml）列出应报送的部门和乡镇街道，
名册中有、文件夹中没有报告的单位列为“缺报”。最后列出汇总表（单位、层级、状态、错误数、输出文件），
状态为：已生成、有错误、缺报、未能写入；汇总表同时保存为 Word 文档（公文格式）和 CSV 表格
（可用 Excel 或 WPS 打开，另有警告数、数据文件、联系人和问题说明各栏）。

选项：
  -o, --output 文件夹   输出到这个文件夹（报告按原来的相对位置存放，汇总表在文件夹中）。
                        默认写到 output/ 下与 data/ 对应的位置，例如 output/示例区/2024/。
  --jobs 并行数         同时处理的报告数。默认每个 CPU 核心一个，报告较少（每核不到 20 份）时
                        逐个处理更快，自动逐个处理；--jobs 1 总是逐个处理。最多为 CPU 核心数。
  --date 日期           汇总表写明“截至某年某月某日”，例如 --date 2025-01-20。不写时不写日期，
                        同一批报告无论哪天生成，汇总表都逐字节相同。
  --profile 版式文件    全部报告和汇总表使用地方版式，同 render。
  --reference-doc 本单位模板.docx
                        全部报告和汇总表按本单位的 Word 模板排版，同 render。

退出码：0 全部生成；1 有报告有错误、缺报、未能写入，或单位名册有错误；2 命令用法有误；3 工具内部错误（请报告给维护者）。

单位名册的写法（每个单位：name 全称、level 层级，建议写 contact 联系人，可选 short 简称、aliases 其他名称）：
  district: 示例区
  units:
    - name: 示例区司法局
      short: 区司法局
      level: department        # department 政府部门；town 乡镇/街道
      contact: 李某某 0000-81230001

示例：
  fazhi batch data/示例区/2024
  fazhi batch data/示例区/2024 -o 汇总`,
  },
  tasks: {
    summary: '把下一年度主要安排分解为责任分工表（牵头单位、配合单位、完成时限）',
    options: { ...help, output: { type: 'string', short: 'o' }, 'per-unit': { type: 'boolean' }, profile: { type: 'string' } },
    help: `用法：fazhi tasks 文件 [-o 输出] [--per-unit] [--profile 版式文件]

把报告“下一年度主要安排”（plans）中的各项生成责任分工表（公文格式的 Word 文档），
表格各栏：序号、工作任务、牵头单位、配合单位、完成时限。在数据文件中这样写：

  plans:
    items:
      - lead: 着力提升制度建设质量
        text: 严格规范性文件制定和备案审查……
        lead_unit: 区司法局                          # 牵头单位
        support_units: [区直各部门, 各镇（街道）]    # 配合单位（可选）
        deadline: 2025年12月底前                     # 完成时限（可选）

单位名称按单位名册 units.yaml 核对（全称、简称或其他名称均可），名册中没有的单位是错误，并提示最接近的名称；
“各镇（街道）”“区直各部门”等统称指名册中全部乡镇街道或全部部门。

选项：
  -o, --output 输出   输出的 .docx 文件，或输出文件夹。默认写到 output/ 下与 data/ 对应的位置。
  --per-unit          另为每个有任务的单位生成一份任务清单（放在“任务清单”文件夹中）。
  --profile 版式文件  使用地方版式（与 render 相同），见 profiles/示例省变体.yaml。

下一年用 fazhi new-year 转换部门、乡镇街道的报告时，分给该单位的任务会作为“【待填写】”列入其报告，
待写完成情况。

示例：
  fazhi tasks data/示例区/2024/report.yaml
  fazhi tasks data/示例区/2024/report.yaml --per-unit`,
  },
  init: {
    summary: '生成一份带中文说明的新报告数据模板',
    options: {
      ...help,
      level: { type: 'string' },
      unit: { type: 'string' },
      year: { type: 'string' },
      district: { type: 'string' },
      output: { type: 'string', short: 'o' },
      force: { type: 'boolean' },
    },
    help: `用法：fazhi init --level 层级 --unit 单位 --year 年度 [--district 区县] [-o 文件] [--force]

生成一份新报告的数据文件，每一部分都有中文说明，填写后即可校验和生成。

选项：
  --level      district（区/县政府）、department（政府部门）或 town（乡镇/街道）
  --unit       单位名称，例如：示例区、示例区司法局、示例街道办事处
  --year       报告年度，例如：2025
  --district   部门和乡镇街道所属的区县（决定默认保存位置），例如：示例区
  -o, --output 保存到指定文件。默认：
               区县     data/<单位>/<年度>/report.yaml
               部门     data/<区县>/<年度>/departments/<单位>.yaml
               乡镇街道 data/<区县>/<年度>/towns/<单位>.yaml
  --force      文件已存在时覆盖（默认不覆盖）

示例：
  fazhi init --level district --unit 示例区 --year 2025
  fazhi init --level department --unit 示例区司法局 --district 示例区 --year 2025`,
  },
  'new-year': {
    summary: '根据上一年度的报告生成新一年度的数据文件（待填写）',
    options: { ...help, output: { type: 'string', short: 'o' }, force: { type: 'boolean' } },
    help: `用法：fazhi new-year 文件或文件夹 [-o 文件] [--force]

根据上一年度的报告数据生成新一年度的数据文件，保存到把路径中的年度加一的位置，例如：
  data/示例区/2024/report.yaml → data/示例区/2025/report.yaml
给出文件夹（例如 data/示例区/2024）时，转换其中全部报告，包括 departments/ 和 towns/ 下的文件。

新文件中：
  - 单位、主送机关、署名、版记（抄送、印发机关）、附件名称和各部分的小标题沿用上年，年份加一；
  - 成文日期、发文字号、印发日期和主要数据的数值已清空，待填写（上年数值写在注释中）；
  - 上年报告提出的每一项工作安排，都列入“主要举措和成效”中最接近的小标题下，写作
    “【待填写】2024年报告提出的安排：…… —— 请填写落实情况”；
  - 上年报告所列的每一项不足，列入“其他需要报告的情况”的“整改情况”，待填写整改情况。
每一处“【待填写】”都必须改写；fazhi validate 会逐条列出尚未填写的地方（错误）。

选项：
  -o, --output 文件   保存到指定文件（只转换一个文件时）。
  --force             文件已存在时覆盖（默认不覆盖，跳过并提示）。

示例：
  fazhi new-year data/示例区/2024/report.yaml
  fazhi new-year data/示例区/2024`,
  },
  import: {
    summary: '把已发布的往年报告（文本、Word 文档、网页）转换为数据文件',
    options: { ...help, output: { type: 'string', short: 'o' }, force: { type: 'boolean' } },
    help: `用法：fazhi import 原文 [-o 数据文件.yaml] [--force]

读取已发布的法治政府建设年度报告，转换为本工具的数据文件，可再校验、生成和用于 new-year。
原文可以是：
  .txt   从网站复制下来的文字（导航、分享按钮、纠错表单、表格竖线和多余空格会被去掉）
  .docx  Word 文档
  .html  保存的网页（.htm 亦可）

识别标题、单位、年度、发文字号、主送机关、导语、各部分标题及其序号（一、（一）1. 1、 一是）、
署名、成文日期、抄送和印发；按标题的意思把各部分对应到本工具的五个部分；连写的“一是……二是……”
拆成分项；带单位的数字作为候选数据写入 metrics。导入的文件标记为往年报告（imported），
原文没有的部分只提示警告。无法识别的内容保留在“其他需要报告的情况”中，并说明来自原文哪一行。

选项：
  -o, --output 文件   保存位置。默认与原文同一文件夹、同名的 .yaml 文件。
  --force             文件已存在时覆盖（默认不覆盖）。

示例：
  fazhi import 2024年报告.docx -o data/示例区/2024/report.yaml
  fazhi import 网页复制.txt`,
  },
};

// Every command's help ends with the exit codes, from the one table.
for (const spec of Object.values(COMMANDS)) if (!spec.help.includes('退出码')) spec.help += `\n\n${EXIT_CODES_HELP}`;

export const MAIN_HELP = `fazhi —— 法治政府建设年度报告生成工具

用法：fazhi <命令> [选项]

命令：
${Object.entries(COMMANDS)
  .map(([name, spec]) => `  ${name.padEnd(10)}${spec.summary}`)
  .join('\n')}

每个命令的详细说明：fazhi <命令> --help

${EXIT_CODES_HELP}

快速开始：
  fazhi serve                                   打开工作台（在浏览器中编辑、预览、下载）
  fazhi render data/示例区/2024/report.yaml     生成示例报告到 output/
  fazhi init --level district --unit 某某区 --year 2025   开始一份新报告
  fazhi batch data/示例区/2024                   生成全区各单位的报告和报送情况汇总表`;
