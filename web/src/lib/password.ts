// The password rule the server enforces (src/auth/password-policy.ts), for the forms that ask for
// a new password: the same rule and wording, checked before the round trip. The server stays the judge.
export { PASSWORD_RULE as PASSWORD_POLICY, passwordProblem } from '../../../src/auth/password-policy.ts';
