// Command table and help texts (Chinese). Kept apart from the commands so that `--help` loads
// nothing else.

export type CommandName = 'validate' | 'render' | 'init';

interface CommandSpec {
  summary: string;
  help: string;
  options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;
}

const help = { help: { type: 'boolean' as const, short: 'h' } };

export const COMMANDS: Record<CommandName, CommandSpec> = {
  validate: {
    summary: '检查数据文件的格式和内容',
    options: { ...help },
    help: `用法：fazhi validate 文件…

检查一个或多个报告数据文件（.yaml），一次列出全部问题，每条写作：
  文件:行:列 错误|警告 说明

退出码：0 没有错误（可以有警告）；1 有错误；2 命令用法有误。

示例：
  fazhi validate data/示例区/2024/report.yaml
  fazhi validate data/示例区/2024/departments/*.yaml`,
  },
  render: {
    summary: '校验并生成公文格式的 Word 文档（.docx）',
    options: { ...help, output: { type: 'string', short: 'o' }, templates: { type: 'string' } },
    help: `用法：fazhi render 文件… [-o 输出] [--templates 模板文件夹]

先校验数据（有错误时不生成，并列出问题），再按 GB/T 9704—2012 公文格式生成 Word 文档。

选项：
  -o, --output 输出     输出的 .docx 文件（只有一个数据文件时），或输出文件夹。
                        默认写到 output/ 下，与 data/ 下的路径对应，文件名取报告标题。
  --templates 文件夹    使用自己的模板（文件夹中放 district/、department/、town/ 的 report.hbs）。
  -h, --help            显示本说明。

示例：
  fazhi render data/示例区/2024/report.yaml
  fazhi render data/示例区/2024/report.yaml -o 报告.docx`,
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
};

export const MAIN_HELP = `fazhi —— 法治政府建设年度报告生成工具

用法：fazhi <命令> [选项]

命令：
${Object.entries(COMMANDS)
  .map(([name, spec]) => `  ${name.padEnd(10)}${spec.summary}`)
  .join('\n')}

每个命令的详细说明：fazhi <命令> --help

快速开始：
  fazhi render data/示例区/2024/report.yaml     生成示例报告到 output/
  fazhi init --level district --unit 某某区 --year 2025   开始一份新报告`;
