// `fazhi init`: a commented skeleton for a new report, saved where the data layout expects it.
// It never overwrites an existing file unless --force is given.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { ExitCode, UserError } from '../diagnostic.js';
import { SCHEMA_FILE } from '../paths.js';
import { isLevel, unitNames, type Level } from '../data/report.js';
import { reportPath } from '../data/folders.js';
import { unusableNameReason, writeFileAtomic } from '../write/output-file.js';
import type { CommandRun } from './command.js';
import { commandLine } from './next-step.js';
import { skeleton } from './skeleton.js';

/** A name as shown in a message: control characters (a newline typed into --unit) made visible. */
function printable(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

function defaultPath(level: Level, unit: string, district: string | undefined, year: number): string {
  if (level === 'district') return reportPath(level, unitNames('district', unit).short, year, unit);
  if (!district) throw new UserError('部门和乡镇街道的报告请用 --district 写明所属区县（例如 --district 示例区），或用 -o 指定保存位置。', ExitCode.Usage);
  return reportPath(level, district, year, unit);
}

export const runInit: CommandRun = async (_positionals, values, io) => {
  const level = values.level;
  const unit = typeof values.unit === 'string' ? values.unit.trim() : '';
  const yearText = typeof values.year === 'string' ? values.year.trim() : '';
  const levels = 'district（区/县政府）、department（政府部门）或 town（乡镇/街道）';
  if (typeof level !== 'string') throw new UserError(`请用 --level 指定层级：${levels}。`, ExitCode.Usage);
  if (!isLevel(level)) {
    throw new UserError(`层级“${level}”无法识别：--level 后面只能写 ${levels}；县和县级市、区都写 district。`, ExitCode.Usage);
  }
  if (!unit) throw new UserError('请用 --unit 指定单位名称，例如 --unit 示例区。', ExitCode.Usage);
  const unitProblem = unusableNameReason(unit);
  if (unitProblem) throw new UserError(`单位名称“${printable(unit)}”${unitProblem}，不能用作文件名。`, ExitCode.Usage);
  if (!/^\d{4}$/.test(yearText)) throw new UserError('请用 --year 指定报告年度（四位数字），例如 --year 2025。', ExitCode.Usage);
  const year = Number(yearText);
  const district = typeof values.district === 'string' ? values.district.trim() : undefined;
  // Both become folder or file names under data/: neither may lead out of it.
  const districtProblem = district === undefined ? undefined : district === '' ? '是空的' : unusableNameReason(district);
  if (districtProblem) throw new UserError(`区县名称“${printable(district!)}”${districtProblem}，不能用作文件夹名。`, ExitCode.Usage);
  const relative = typeof values.output === 'string' ? values.output : defaultPath(level as Level, unit, district, year);
  const target = path.resolve(io.cwd, relative);
  if (typeof values.output !== 'string' && !isInside(path.join(io.cwd, 'data'), target)) {
    throw new UserError(`保存位置“${relative}”不在 data 文件夹中，未做任何修改。`, ExitCode.Usage);
  }
  if (existsSync(target) && !values.force) {
    throw new UserError(`“${relative}”已经存在，未做任何修改。如确需重新生成并覆盖，请加 --force。`);
  }
  const schemaRef = path.relative(path.dirname(target), SCHEMA_FILE).split(path.sep).join('/');
  writeFileAtomic(target, new TextEncoder().encode(skeleton({ level: level as Level, unit, year, schemaRef })));
  io.out(`已生成：${path.relative(io.cwd, target) || target}`);
  io.out(`请按文件中的说明填写，然后运行：${commandLine(io.cwd, 'validate', path.relative(io.cwd, target) || target)}`);
  return ExitCode.Ok;
};
