import { ExpressionSyntaxError, type Token, tokenize } from './expression-lexer';

export type BinaryOp = 'or' | 'and' | '<' | '<=' | '>' | '>=' | '==' | '!=' | '+' | '-' | '*' | '/' | '^';

/** Syntax tree of a formula; `pos` (0-based offset) lets validation point at the culprit. */
export type Expr =
  | { t: 'num'; value: number; pos: number }
  | { t: 'var'; name: string; pos: number }
  | { t: 'neg'; arg: Expr; pos: number }
  | { t: 'not'; arg: Expr; pos: number }
  | { t: 'bin'; op: BinaryOp; left: Expr; right: Expr; pos: number }
  | { t: 'call'; fn: string; args: Expr[]; pos: number };

export const MAX_FORMULA_LENGTH = 2000;
export const MAX_NESTING = 40;
export const KEYWORDS = ['and', 'or', 'not'];
const COMPARISONS = ['<', '<=', '>', '>=', '==', '!='];

/**
 * Grammar, loosest binding first: `or`, `and`, `not`, one comparison (a < b < c is refused as ambiguous),
 * `+ -`, `* /`, unary minus, `^` (right-associative, binds tighter than unary minus: -2^2 = -4).
 */
export function parseFormula(src: string): Expr {
  if (src.length > MAX_FORMULA_LENGTH) {
    throw new ExpressionSyntaxError(`Công thức dài quá ${MAX_FORMULA_LENGTH} ký tự`, MAX_FORMULA_LENGTH);
  }
  const p = new Parser(tokenize(src));
  if (p.peek().t === 'end') throw new ExpressionSyntaxError('Công thức trống', 0);
  const e = p.or();
  const rest = p.peek();
  if (rest.t !== 'end') throw new ExpressionSyntaxError(`Thừa "${describe(rest)}"`, rest.pos);
  return e;
}

function describe(tok: Token): string {
  if (tok.t === 'num') return tok.text;
  if (tok.t === 'id') return tok.name;
  if (tok.t === 'op') return tok.op;
  return 'hết công thức';
}

class Parser {
  private i = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  peek(): Token {
    return this.tokens[this.i]!;
  }
  private next(): Token {
    return this.tokens[this.i++]!;
  }
  private isOp(op: string): boolean {
    const tok = this.peek();
    return tok.t === 'op' && tok.op === op;
  }
  private isWord(word: string): boolean {
    const tok = this.peek();
    return tok.t === 'id' && tok.name === word;
  }
  private expect(op: string): void {
    const tok = this.peek();
    if (tok.t !== 'op' || tok.op !== op) {
      throw new ExpressionSyntaxError(`Cần "${op}" nhưng gặp "${describe(tok)}"`, tok.pos);
    }
    this.i++;
  }
  private nested<T>(pos: number, f: () => T): T {
    if (++this.depth > MAX_NESTING) {
      throw new ExpressionSyntaxError(`Công thức lồng nhau quá ${MAX_NESTING} cấp`, pos);
    }
    const r = f();
    this.depth--;
    return r;
  }

  or(): Expr {
    let left = this.and();
    while (this.isWord('or')) {
      const pos = this.next().pos;
      left = { t: 'bin', op: 'or', left, right: this.and(), pos };
    }
    return left;
  }
  private and(): Expr {
    let left = this.not();
    while (this.isWord('and')) {
      const pos = this.next().pos;
      left = { t: 'bin', op: 'and', left, right: this.not(), pos };
    }
    return left;
  }
  private not(): Expr {
    if (this.isWord('not')) {
      const pos = this.next().pos;
      return this.nested(pos, () => ({ t: 'not', arg: this.not(), pos }));
    }
    return this.comparison();
  }
  private comparison(): Expr {
    const left = this.additive();
    const tok = this.peek();
    if (tok.t !== 'op' || !COMPARISONS.includes(tok.op)) return left;
    this.i++;
    const right = this.additive();
    const after = this.peek();
    if (after.t === 'op' && COMPARISONS.includes(after.op)) {
      throw new ExpressionSyntaxError(
        'Không so sánh liên tiếp; dùng "and" để nối hai phép so sánh',
        after.pos,
      );
    }
    return { t: 'bin', op: tok.op as BinaryOp, left, right, pos: tok.pos };
  }
  private additive(): Expr {
    let left = this.multiplicative();
    while (this.isOp('+') || this.isOp('-')) {
      const tok = this.next() as Extract<Token, { t: 'op' }>;
      left = { t: 'bin', op: tok.op as BinaryOp, left, right: this.multiplicative(), pos: tok.pos };
    }
    return left;
  }
  private multiplicative(): Expr {
    let left = this.unary();
    while (this.isOp('*') || this.isOp('/')) {
      const tok = this.next() as Extract<Token, { t: 'op' }>;
      left = { t: 'bin', op: tok.op as BinaryOp, left, right: this.unary(), pos: tok.pos };
    }
    return left;
  }
  private unary(): Expr {
    if (this.isOp('-')) {
      const pos = this.next().pos;
      return this.nested(pos, () => ({ t: 'neg', arg: this.unary(), pos }));
    }
    return this.power();
  }
  private power(): Expr {
    const base = this.primary();
    if (!this.isOp('^')) return base;
    const pos = this.next().pos;
    return this.nested(pos, () => ({ t: 'bin', op: '^', left: base, right: this.unary(), pos }));
  }
  private primary(): Expr {
    const tok = this.next();
    if (tok.t === 'num') {
      if (!Number.isFinite(tok.value)) throw new ExpressionSyntaxError(`Số quá lớn "${tok.text}"`, tok.pos);
      return { t: 'num', value: tok.value, pos: tok.pos };
    }
    if (tok.t === 'op' && tok.op === '(') {
      const e = this.nested(tok.pos, () => this.or());
      this.expect(')');
      return e;
    }
    if (tok.t === 'id' && !KEYWORDS.includes(tok.name)) {
      if (!this.isOp('(')) return { t: 'var', name: tok.name, pos: tok.pos };
      this.i++;
      const args: Expr[] = [];
      this.nested(tok.pos, () => {
        if (!this.isOp(')')) {
          args.push(this.or());
          while (this.isOp(',')) {
            this.i++;
            args.push(this.or());
          }
        }
      });
      this.expect(')');
      return { t: 'call', fn: tok.name, args, pos: tok.pos };
    }
    const what = tok.t === 'end' ? 'Công thức kết thúc đột ngột' : `Không mong đợi "${describe(tok)}"`;
    throw new ExpressionSyntaxError(what, tok.pos);
  }
}
