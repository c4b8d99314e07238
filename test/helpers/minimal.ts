// A small valid report, as YAML text, for tests that change one thing at a time.
export const MINIMAL = `level: district
year: 2024
unit:
  name: 测试区人民政府
  short: 测试区
recipients:
  - 测试市人民政府
measures:
  groups:
    - heading: 健全依法决策机制
      items:
        - lead: 规范决策程序
          text: 全年审议重大行政决策事项5项。
        - 开展合法性审核120件。
shortcomings:
  intro: 基层执法力量仍然不足。
duties:
  intro: 区政府主要负责人带头学法。
plans:
  items:
    - 完善行政执法协调监督工作体系。
signatories:
  - 测试区人民政府
date: 2025-01-15
`;
