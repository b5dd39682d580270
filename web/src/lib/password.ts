// The password rule the server enforces (src/auth/password-policy.ts), for the forms that ask for
// a new password: the same rule and wording, checked before the round trip. The server stays the judge.
import type { FormRule } from 'antd';
import { passwordProblem } from '../../../src/auth/password-policy.ts';

export { PASSWORD_RULE as PASSWORD_POLICY, passwordProblem } from '../../../src/auth/password-policy.ts';

/** The form rule of a new password field: the server's rule, its wording as the message. */
export const newPasswordRule: FormRule = {
  validator: (_rule, value: string | undefined) => {
    const problem = value ? passwordProblem(value) : null;
    return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
  },
};

/** The rule of a confirmation field: the same as the field named `field`, else `message`. */
export const sameAs =
  (field: string, message: string): FormRule =>
  ({ getFieldValue }) => ({
    validator: (_rule, value: string | undefined) => (!value || value === getFieldValue(field) ? Promise.resolve() : Promise.reject(new Error(message))),
  });
