/**
 * Offset ↔ line/column for one text, built once per text (O(lines)) and answered by binary
 * search. Lines and columns are 1-based, columns count UTF-16 units like Monaco and editors do.
 */
export interface Position {
  readonly line: number;
  readonly column: number;
}

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: clamped - this.starts[lo]! + 1 };
  }

  offset(position: Position): number {
    const start = this.starts[Math.max(0, Math.min(position.line - 1, this.starts.length - 1))]!;
    return Math.min(this.text.length, start + Math.max(0, position.column - 1));
  }
}
