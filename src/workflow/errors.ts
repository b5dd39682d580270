// A supervision command that cannot be done, said to the person who asked: the message is for the
// user, in Chinese; the status tells the server how to answer (400 bad request, 403 not theirs,
// 404 no such thing or not visible to them, 409 the state or the version does not allow it).
export class SupervisionError extends Error {
  override name = 'SupervisionError';
  constructor(
    message: string,
    readonly status: 400 | 403 | 404 | 409 = 400,
  ) {
    super(message);
  }
}

export const notFound = (what = '督办事项') => new SupervisionError(`${what}不存在或无权查看`, 404);
export const staleVersion = () => new SupervisionError('该事项已被他人修改，请刷新后再操作', 409);
