// The password policy the server enforces, said once for the forms that ask for a new password.
// The server stays the judge; this only spares a round trip for the obvious cases.

export const PASSWORD_POLICY = '至少 8 位，且包含大写字母、小写字母、数字、符号中的至少三类';

export function passwordProblem(password: string): string | null {
  if (password.length < 8) return '密码至少 8 位';
  const kinds = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (kinds < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少三类';
  return null;
}
