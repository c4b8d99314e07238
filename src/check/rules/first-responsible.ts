import type { ReportData } from '../../data/report.js';
import type { Rule } from '../rule.js';
import { partTexts } from '../../data/visit.js';

// Who the first responsible person is, by level: the party and government heads of a district,
// the principal head of a department (局长, 主任, 党组书记), the party secretary and the head of a
// township (镇长, 乡长) or street office (主任).
const PERSON: Record<ReportData['level'], { pattern: RegExp; example: string }> = {
  district: { pattern: /主要负责人|书记|区长|县长|市长|旗长|第一责任人/, example: '区委书记、区长' },
  department: { pattern: /主要负责人|局长|主任|书记|党组|负责人|第一责任人/, example: '局党组书记、局长' },
  town: { pattern: /主要负责人|书记|镇长|乡长|主任|第一责任人/, example: '镇党委书记、镇长（街道党工委书记、办事处主任）' },
};

const textOf = (data: ReportData, key: 'duties' | 'measures'): string => {
  const part = data[key];
  return part ? partTexts(part, key).map((t) => t.text).join('') : '';
};

export const firstResponsible: Rule = {
  id: 'first-responsible',
  severity: 'warning',
  basis: '督察工作规定第二十五条：报告党政主要负责人履行推进法治建设第一责任人职责的情况；乡镇街道采用三部分写法时写在工作情况中',
  check(data, report) {
    const { pattern, example } = PERSON[data.level];
    if (data.duties) {
      if (!pattern.test(textOf(data, 'duties'))) {
        report({
          pointer: '/duties',
          atKey: true,
          message: `“duties”（第一责任人职责情况）没有写明是谁履行职责：应写党政主要负责人（${example}）履行推进法治建设第一责任人职责的情况。`,
        });
      }
      return;
    }
    // Only a township may leave the part out (the schema requires it elsewhere, and an imported
    // report says the part was missing): the three-part form.
    if (data.level === 'town' && !/第一责任人/.test(textOf(data, 'measures'))) {
      report({
        pointer: '/measures',
        atKey: true,
        message: `没有写“duties”（第一责任人职责情况）时，应在“measures”（工作情况）中写明${example}履行推进法治建设第一责任人职责的情况，例如单列一个小标题。`,
      });
    }
  },
};
