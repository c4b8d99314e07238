// Year-on-year wording as reports write it: 同比增长12.5%, 同比下降3件, 与上年持平, 首次开展, and
// percentage points for rates (同比提高2.3个百分点). Arithmetic is done on integers scaled to the
// inputs' decimals, so 12.1 − 10.6 is exactly 1.5 and halves round away from zero (四舍五入).

/** Digits after the decimal point of a number as written (12.10 is read as 12.1). */
function decimals(n: number): number {
  const text = String(n);
  if (text.includes('e')) return Math.min(6, Number(text.split('e-')[1] ?? 0));
  return text.split('.')[1]?.length ?? 0;
}

/** Round half away from zero: Math.round alone rounds −2.5 to −2. */
function roundHalfAway(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}

/** Digits of an integer, never an exponent (String(1e21) is "1e+21"). */
function integerDigits(n: number): string {
  return Math.abs(n) < 1e21 ? String(n) : BigInt(n).toString();
}

/** 186 → "186", 12.1 → "12.1", 0.5 → "0.5"; never an exponent. */
export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return integerDigits(n);
  const d = Math.min(decimals(n), 6);
  return n.toFixed(d).replace(/\.?0+$/, '');
}

/** A value with its unit: 186件, 12.1%. */
export function formatValue(value: number, unit: string): string {
  return `${formatNumber(value)}${unit}`;
}

export function isRate(unit: string): boolean {
  return unit === '%' || unit === '％';
}

/** Tenths as text: 177 → "17.7", 200 → "20". */
function tenths(n: number): string {
  const whole = Math.trunc(n / 10);
  const rest = n % 10;
  return rest === 0 ? integerDigits(whole) : `${integerDigits(whole)}.${rest}`;
}

interface Scaled {
  current: number;
  previous: number;
  scale: number;
}

function scaled(current: number, previous: number): Scaled {
  const scale = 10 ** Math.max(decimals(current), decimals(previous));
  return { current: Math.round(current * scale), previous: Math.round(previous * scale), scale };
}

/** The change in the metric's own unit: 同比增长28件, 同比下降3件; rates in percentage points. */
export function changeInUnits(current: number, previous: number | undefined, unit: string): string {
  if (previous === undefined) return '首次开展';
  if (isRate(unit)) return changeInPoints(current, previous);
  const s = scaled(current, previous);
  const diff = s.current - s.previous;
  if (diff === 0) return '与上年持平';
  const amount = formatNumber(Math.abs(diff) / s.scale);
  return `同比${diff > 0 ? '增长' : '下降'}${amount}${unit}`;
}

/** Rates: difference in percentage points to one decimal. */
function changeInPoints(current: number, previous: number): string {
  const s = scaled(current, previous);
  const diff = s.current - s.previous;
  if (diff === 0) return '与上年持平';
  const points = roundHalfAway((diff * 10) / s.scale); // tenths of a point
  if (points === 0) return '与上年基本持平';
  return `同比${points > 0 ? '提高' : '下降'}${tenths(Math.abs(points))}个百分点`;
}

/**
 * The usual comparison: amounts as a percentage change to one decimal, rates in percentage
 * points. With no previous value the work is new (首次开展); from zero, a percentage means
 * nothing and the change is given in units.
 */
export function changePhrase(current: number, previous: number | undefined, unit: string): string {
  if (previous === undefined) return '首次开展';
  if (isRate(unit)) return changeInPoints(current, previous);
  if (previous <= 0) return changeInUnits(current, previous, unit);
  const s = scaled(current, previous);
  // Last year's figure below the precision compared (1e-300): no percentage can be taken of it.
  if (s.previous === 0) return changeInUnits(current, previous, unit);
  const diff = s.current - s.previous;
  if (diff === 0) return '与上年持平';
  // (diff / previous) in tenths of a percent; integer operands keep exact halves exact.
  const change = roundHalfAway((diff * 1000) / s.previous);
  if (change === 0) return '与上年基本持平';
  return `同比${change > 0 ? '增长' : '下降'}${tenths(Math.abs(change))}%`;
}
