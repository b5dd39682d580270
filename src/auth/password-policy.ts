// Passwords as GB/T 22239-2019 level 2 asks of identification (身份鉴别): complex enough and
// changed when first given. At least 8 characters, of at least three of the four kinds.

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

const KINDS: { test: RegExp; name: string }[] = [
  { test: /[A-Z]/, name: '大写字母' },
  { test: /[a-z]/, name: '小写字母' },
  { test: /[0-9]/, name: '数字' },
  { test: /[^A-Za-z0-9]/, name: '符号' },
];

export const PASSWORD_RULE = `至少 ${MIN_PASSWORD_LENGTH} 位，包含大写字母、小写字母、数字、符号中的至少三种`;

/** Why a password is not acceptable (Chinese, for the user), or null when it is. */
export function passwordProblem(password: string, username?: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `密码太短：${PASSWORD_RULE}`;
  if (password.length > MAX_PASSWORD_LENGTH) return `密码不能超过 ${MAX_PASSWORD_LENGTH} 位`;
  const kinds = KINDS.filter((k) => k.test.test(password)).length;
  if (kinds < 3) return `密码过于简单：${PASSWORD_RULE}`;
  if (username && password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  return null;
}
