// zod's messages for a schema that gives none of its own, in plain Chinese. zod's zh-CN locale
// still names types and origins in English ("期望 string，实际接收 undefined", "期望 string
// <=20 字符"), which reaches the user inside our Chinese answers; the issues a request can raise
// are worded here, and the rest fall back to that locale.
import { z } from 'zod';

const fallback = z.locales.zhCN().localeError;

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: 'true 或 false',
  array: '列表',
  object: '对象',
  date: '日期',
  null: '空值（null）',
};

/** Units of a size limit, by the kind of value that is too big or too small. */
const SIZE_UNITS: Record<string, string> = { string: '个字', array: '项', set: '项', file: '字节' };

function bound(origin: string, limit: number | bigint, inclusive: boolean | undefined, big: boolean): string {
  const unit = SIZE_UNITS[origin];
  if (unit) return big ? `不能超过 ${limit} ${unit}` : `至少 ${limit} ${unit}`;
  if (big) return inclusive === false ? `应小于 ${limit}` : `不能大于 ${limit}`;
  return inclusive === false ? `应大于 ${limit}` : `不能小于 ${limit}`;
}

export const zodMessages: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '必须填写';
      return `应为${TYPE_NAMES[issue.expected] ?? '另一种类型'}`;
    case 'too_big':
      return bound(issue.origin, issue.maximum, issue.inclusive, true);
    case 'too_small':
      return bound(issue.origin, issue.minimum, issue.inclusive, false);
    case 'invalid_union':
      return '格式有误';
    case 'unrecognized_keys':
      return `不认识的字段：${issue.keys.join('、')}`;
    default:
      return fallback(issue);
  }
};
