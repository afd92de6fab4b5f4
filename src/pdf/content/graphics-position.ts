import type { ContentOperation } from './content-operations.js';

/** An affine matrix [a b c d e f], as in ISO 32000-1, 8.3.3. */
export type Matrix = readonly [number, number, number, number, number, number];

const identity: Matrix = [1, 0, 0, 1, 0, 0];

/** The product m × n (apply m, then n). */
export function multiply(m: Matrix, n: Matrix): Matrix {
  return [m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3], m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3], m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5]];
}

/** Where a matrix takes a point. */
export function transform(m: Matrix, x: number, y: number): { x: number; y: number } {
  return { x: m[0] * x + m[2] * y + m[4], y: m[1] * x + m[3] * y + m[5] };
}

/**
 * Follows the current transformation matrix (q, Q, cm) and the text matrices (BT, Tm, Td, TD, T*, TL, ', ") through
 * a content stream read with `numbers`, so that each painting can be placed on the page.
 */
export class GraphicsPosition {
  private ctm: Matrix;
  private readonly saved: Matrix[] = [];
  private textMatrix: Matrix = identity;
  private lineMatrix: Matrix = identity;
  private leading = 0;

  /** @param start the matrix the stream starts with (a form's /Matrix × the CTM where it is drawn) */
  constructor(start: Matrix = identity) {
    this.ctm = start;
  }

  /** The current transformation matrix. */
  get matrix(): Matrix {
    return this.ctm;
  }

  /** Where the next glyph's origin lands in the page's space. */
  textOrigin(): { x: number; y: number } {
    return transform(multiply(this.textMatrix, this.ctm), 0, 0);
  }

  /** Follow one operation (call it before reading the position of a text-showing operation). */
  apply({ operator, numbers }: ContentOperation): void {
    const n = (index: number) => numbers[index] ?? 0;
    switch (operator) {
      case 'q': this.saved.push(this.ctm); break;
      case 'Q': this.ctm = this.saved.pop() ?? this.ctm; break;
      case 'cm': this.ctm = multiply([n(0), n(1), n(2), n(3), n(4), n(5)], this.ctm); break;
      case 'BT': this.textMatrix = this.lineMatrix = identity; break;
      case 'Tm': this.textMatrix = this.lineMatrix = [n(0), n(1), n(2), n(3), n(4), n(5)]; break;
      case 'TL': this.leading = n(0); break;
      case 'TD': this.leading = -n(1); this.nextLine(n(0), n(1)); break;
      case 'Td': this.nextLine(n(0), n(1)); break;
      case 'T*': case "'": case '"': this.nextLine(0, -this.leading); break;
      default: break;
    }
  }

  private nextLine(x: number, y: number): void {
    this.textMatrix = this.lineMatrix = multiply([1, 0, 0, 1, x, y], this.lineMatrix);
  }
}
