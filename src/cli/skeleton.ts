// The text of a new report's data file, with Chinese comments explaining every part.

import { unitNames, type Level } from '../data/report.js';

const RECIPIENTS: Record<Level, string> = {
  district: '  # - 中共某某市委\n  # - 某某市人民政府',
  department: '  # - 中共某某区委\n  # - 某某区人民政府\n  # - 某某市某某局（上一级主管部门）',
  town: '  # - 中共某某区委\n  # - 某某区人民政府',
};

const DUTIES_NOTE: Record<Level, string> = {
  district: '必填',
  department: '必填；写局长、党组书记等主要负责人',
  town: '乡镇街道可以不写这一部分，改在第一部分中单列一个小标题写明',
};

export function skeleton(options: { level: Level; unit: string; year: number; schemaRef: string }): string {
  const { level, unit, year, schemaRef } = options;
  const names = unitNames(level, unit);
  const next = year + 1;
  return `# yaml-language-server: $schema=${schemaRef}
# ${names.name}${year}年度法治政府建设年度报告（数据文件）
#
# 填写说明：
# - 以“#”开头的是说明，不会出现在报告中；可以删除。
# - 格式为“键: 值”，冒号用英文半角“:”，冒号后加一个空格；缩进用空格，不要用 Tab。
# - 序号（一、（一）1.（1）和“一是”“二是”）由工具自动生成，不要手写。
# - 长段落写在“>-”下一行，缩进两个空格，可以分多行书写，换行处不会插入空格。
# - 填好后运行：fazhi validate 本文件路径，按提示修改；无误后运行 fazhi render 生成 Word 文档。

level: ${level}            # district 区/县政府；department 政府部门；town 乡镇/街道
year: ${year}                 # 本报告总结的年度

unit:
  name: ${names.name}       # 单位全称
  short: ${names.short}          # 报告中的简称
  # party: 中共某某区委员会   # 党委和政府联合报告时填写党委全称

# title:                      # 标题；不填时自动生成
# doc_number: 某政〔${next}〕1号  # 发文字号（可选），年份用六角括号〔〕

recipients:                   # 主送机关，每行一个（可选）
${RECIPIENTS[level]}

preamble: >-                  # 导语：概述全年工作，以“现将有关情况报告如下：”结尾
  

# 第一部分：主要举措和成效（必填）。可以写导语段落（intro）、直接分项（items），
# 或按小标题分组（groups，自动排作（一）（二）……）。
measures:
  groups:
    - heading:                # 小标题，例如：深入学习贯彻习近平法治思想
      items_style: inline     # inline：“一是……二是……”连写在一段；paragraphs：每项单独成段
      items:
        - lead:               # 该项的短语，例如：强化理论武装（可以不写 lead，只写 text）
          text: >-
            

# 第二部分：存在的不足和原因（必填）
shortcomings:
  intro: >-
    

# 第三部分：党政主要负责人履行推进法治建设第一责任人职责情况（${DUTIES_NOTE[level]}）
duties:
  intro: >-
    

# 第四部分：${next}年推进法治政府建设的主要安排（必填），只写${next}年的打算
plans:
  items:
    - 

# 第五部分：其他需要报告的情况（可选，没有可删除）
# other:
#   intro: >-
#     ……

# closing: 特此报告。          # 结束语；不填时为“特此报告。”
signatories:                  # 署名，每行一个；联合报告写两个
  - ${names.name}
date:                         # 成文日期，例如 ${next}-01-20
seal: false                   # 是否加盖印章（决定署名和日期的版式）

# 版记（可选）
# copy_to:
#   - 某某市委依法治市办
# printed_by: ${names.name}办公室
# printed_date: ${next}-01-21

# 主要数据（可选），供同比和附表使用；百分比单位写 "%"
metrics:
  # - id: review_cases
  #   label: 行政复议收案
  #   value: 0
  #   unit: 件
`;
}
