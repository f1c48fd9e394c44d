/** Tokens of the formula language; `pos` is the 0-based offset in the source text. */
export type Token =
  | { t: 'num'; value: number; pos: number; text: string }
  | { t: 'id'; name: string; pos: number }
  | { t: 'op'; op: string; pos: number }
  | { t: 'end'; pos: number };

export class ExpressionSyntaxError extends Error {
  constructor(
    message: string,
    readonly pos: number,
  ) {
    super(`${message} (vị trí ${pos + 1})`);
  }
}

const NUMBER = /\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?/y;
const IDENT = /[A-Za-z_][A-Za-z0-9_]*/y;
const OPERATORS = ['<=', '>=', '==', '!=', '<', '>', '+', '-', '*', '/', '^', '(', ')', ','];

export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    NUMBER.lastIndex = i;
    const num = NUMBER.exec(src);
    if (num) {
      tokens.push({ t: 'num', value: Number(num[0]), pos: i, text: num[0] });
      i += num[0].length;
      continue;
    }
    IDENT.lastIndex = i;
    const id = IDENT.exec(src);
    if (id) {
      tokens.push({ t: 'id', name: id[0], pos: i });
      i += id[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i));
    if (!op) {
      const hint = c === '=' ? ' (so sánh bằng dùng "==")' : c === '&' || c === '|' ? ' (dùng and/or)' : '';
      throw new ExpressionSyntaxError(`Ký tự không hợp lệ "${c}"${hint}`, i);
    }
    tokens.push({ t: 'op', op, pos: i });
    i += op.length;
  }
  tokens.push({ t: 'end', pos: src.length });
  return tokens;
}
