import type { Rule } from '../rule.js';

// Party committees are written 中共示例区委 or 中共示例区委员会; governments end in 人民政府.
const isParty = (name: string): boolean => /^中共|党委$|(区|县|市|旗)委(员会)?$/.test(name);
const isGovernment = (name: string): boolean => /(人民)?政府$/.test(name);

export const levelRecipients: Rule = {
  id: 'level-recipients',
  severity: 'warning',
  basis:
    '《法治政府建设与责任落实督察工作规定》：政府部门向本级党委和政府、上一级政府有关部门报告；乡镇街道向上一级（区县）党委和政府报告',
  check(data, report) {
    if (data.level === 'district') return;
    const recipients = data.recipients ?? [];
    const at = recipients.length ? '/recipients' : '/level';
    const missing: string[] = [];
    if (!recipients.some(isParty)) missing.push('本级党委（例如：中共示例区委）');
    if (!recipients.some(isGovernment)) missing.push('本级政府（例如：示例区人民政府）');
    if (data.level === 'department') {
      if (!recipients.some((r) => !isParty(r) && !isGovernment(r))) missing.push('上一级政府有关部门（例如：示例市司法局）');
      if (missing.length) {
        report({ pointer: at, message: `政府部门的年度报告应报送本级党委和政府，并报上一级政府有关部门；主送机关中没有${missing.join('、')}。` });
      }
      return;
    }
    if (missing.length) {
      report({ pointer: at, message: `乡镇街道的年度报告应报送区（县）委、区（县）政府；主送机关中没有${missing.join('、')}。` });
    }
  },
};
