import { AppError } from "../errors.js";

/**
 * One workbook is parsed at a time in this process, a few more may wait their turn, and the rest are told to come
 * back: the upload limits bound what one parse costs, and this keeps several of them from adding up.
 */
const MAX_WAITING = 4;

let tail: Promise<unknown> = Promise.resolve();
/** the parse running and those waiting */
let pending = 0;

export async function withParseSlot<T>(parse: () => Promise<T>): Promise<T> {
  if (pending >= 1 + MAX_WAITING) {
    throw new AppError(
      503,
      "imports_busy",
      "ほかのファイルの取込を処理しています。しばらくしてから、もう一度取り込んでください。何も取り込んでいません。",
    );
  }
  pending++;
  const turn = tail.then(parse).finally(() => {
    pending--;
  });
  tail = turn.catch(() => undefined); // the next one's turn comes whether this one succeeded or not
  return turn;
}
