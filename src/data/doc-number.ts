// 发文字号 (GB/T 9704 §7.2.4): 机关代字、年份、发文顺序号; the year in 六角括号〔〕, full year, the
// number without "第" and without leading zeros: 示政〔2025〕3号.

const YEAR_BRACKETS = /[\[(（【［〔]\s*(\d{4})\s*[\])）】］〕]/;

export function normalizeDocNumber(text: string): string {
  return text
    .trim()
    .replace(YEAR_BRACKETS, '〔$1〕')
    .replace(/〕\s*第\s*/, '〕')
    .replace(/〕0+(\d)/, '〕$1');
}
