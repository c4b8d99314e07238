import { closestKey } from '../schema-messages.js';
import type { Rule } from '../rule.js';
import { findRefs, isKnownModifier, malformedRefs, REF_MODIFIERS } from '../../data/metric-refs.js';
import { reportTexts } from '../../data/visit.js';

export const metricRefs: Rule = {
  id: 'metric-refs',
  severity: 'error',
  basis: '正文引用的数字必须来自 metrics，文字和数据才不会不一致',
  check(data, report) {
    const ids = (data.metrics ?? []).map((m) => m.id);
    for (const { pointer, text } of reportTexts(data)) {
      const seen = new Map<string, number>();
      /** Where this appearance of `raw` is: the n-th of its kind in the text. */
      const at = (raw: string) => {
        const occurrence = seen.get(raw) ?? 0;
        seen.set(raw, occurrence + 1);
        return { snippet: raw, occurrence };
      };
      for (const ref of findRefs(text)) {
        const where = at(ref.raw);
        if (!ids.includes(ref.id)) {
          const close = closestKey(ref.id, ids);
          const hint = close ? `是否应为“${close}”？` : '请在 metrics 中添加这一项，或检查拼写。';
          report({ pointer, ...where, message: `引用了未定义的数据项“${ref.raw}”：metrics 中没有标识为“${ref.id}”的数据项，${hint}` });
        } else if (!isKnownModifier(ref.modifier)) {
          report({ pointer, ...where, message: `“${ref.raw}”中的“${ref.modifier}”无法识别，可用的写法：〔${ref.id}〕、${REF_MODIFIERS.map((m) => `〔${ref.id} ${m}〕`).join('、')}。` });
        }
      }
      for (const raw of malformedRefs(text)) {
        report({ pointer, ...at(raw), message: `“${raw}”像是引用数据项，但写法不对：应写成〔标识〕，标识用小写英文字母、数字和下划线，例如〔review_cases〕。` });
      }
    }
  },
};
