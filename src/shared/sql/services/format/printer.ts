import type { Doc, Group } from './doc.js';

const BREAK = 0;
const FLAT = 1;
type Mode = typeof BREAK | typeof FLAT;
type Command = [indent: number, mode: Mode, doc: Doc];

/** Marks every group that holds a hard line, a line suffix or a breaking group as breaking. */
export function propagateBreaks(doc: Doc): boolean {
  if (typeof doc === 'string') return false;
  if (Array.isArray(doc)) {
    let any = false;
    for (const d of doc) if (propagateBreaks(d)) any = true;
    return any;
  }
  switch (doc.type) {
    case 'line':
      return doc.mode === 'hard' || doc.mode === 'blank';
    case 'break-parent':
    case 'line-suffix':
      return true;
    case 'indent':
      return propagateBreaks(doc.contents);
    case 'group': {
      const inner = propagateBreaks(doc.contents);
      if (inner) doc.break = true;
      return doc.break;
    }
  }
}

/**
 * Lays a document out within `width` columns (Wadler's algorithm with Prettier's "rest fits"
 * look-ahead). Indentation is written lazily, so consecutive breaks collapse into one line
 * break (only `blankline` leaves an empty line) and no line ends in spaces.
 */
export function printDoc(doc: Doc, width: number, indentUnit: number, eol: string): string {
  propagateBreaks(doc);
  const out: string[] = [];
  const suffixes: string[] = [];
  let pos = 0;
  let atLineStart = true;
  let pendingIndent = 0;
  let newlines = 0; // line breaks written since the last text
  let started = false;
  const stack: Command[] = [[0, BREAK, doc]];

  const write = (s: string): void => {
    if (s.length === 0) return;
    if (atLineStart) {
      if (s.trim().length === 0) return; // no spaces at the start of a line
      if (pendingIndent > 0) out.push(' '.repeat(pendingIndent));
      pos = pendingIndent;
      atLineStart = false;
    }
    out.push(s);
    started = true;
    newlines = 0;
    const nl = s.lastIndexOf('\n');
    pos = nl < 0 ? pos + s.length : s.length - nl - 1;
  };
  const trimEnd = (): void => {
    while (out.length > 0) {
      const last = out[out.length - 1]!;
      const trimmed = last.replace(/[ \t]+$/, '');
      if (trimmed.length > 0 || last.length === 0) {
        out[out.length - 1] = trimmed;
        return;
      }
      out.pop();
    }
  };
  const newline = (ind: number, blank: boolean): void => {
    if (suffixes.length > 0) {
      const s = suffixes.join('');
      suffixes.length = 0;
      write(s);
    }
    trimEnd();
    if (started) {
      const want = blank ? 2 : 1;
      while (newlines < want) {
        out.push(eol);
        newlines++;
      }
    }
    atLineStart = true;
    pendingIndent = ind;
    pos = ind;
  };

  while (stack.length > 0) {
    const [ind, mode, d] = stack.pop()!;
    if (typeof d === 'string') {
      write(d);
      continue;
    }
    if (Array.isArray(d)) {
      for (let i = d.length - 1; i >= 0; i--) stack.push([ind, mode, d[i]!]);
      continue;
    }
    switch (d.type) {
      case 'indent':
        stack.push([ind + indentUnit, mode, d.contents]);
        break;
      case 'group': {
        const m: Mode = mode === FLAT && !d.break ? FLAT : d.break ? BREAK : fits(d, stack, width - (atLineStart ? pendingIndent : pos)) ? FLAT : BREAK;
        stack.push([ind, m, d.contents]);
        break;
      }
      case 'line':
        if (mode === FLAT && (d.mode === 'soft' || d.mode === 'line')) {
          if (d.mode === 'line') write(' ');
        } else newline(ind, d.mode === 'blank');
        break;
      case 'line-suffix':
        suffixes.push(d.text);
        break;
      case 'break-parent':
        break;
    }
  }
  if (suffixes.length > 0) write(suffixes.join(''));
  trimEnd();
  return out.join('');
}

/** Whether `group` printed flat, and what follows it up to the next possible break, fits in `room`. */
function fits(group: Group, rest: Command[], room: number): boolean {
  const todo: [Mode, Doc][] = [[FLAT, group.contents]];
  let restIndex = rest.length - 1;
  while (room >= 0) {
    if (todo.length === 0) {
      if (restIndex < 0) return true;
      const [, mode, doc] = rest[restIndex--]!;
      todo.push([mode, doc]);
      continue;
    }
    const [mode, d] = todo.pop()!;
    if (typeof d === 'string') {
      const nl = d.indexOf('\n');
      if (nl >= 0) return room - nl >= 0;
      room -= d.length;
      continue;
    }
    if (Array.isArray(d)) {
      for (let i = d.length - 1; i >= 0; i--) todo.push([mode, d[i]!]);
      continue;
    }
    switch (d.type) {
      case 'indent':
        todo.push([mode, d.contents]);
        break;
      case 'group':
        todo.push([d.break ? BREAK : mode, d.contents]);
        break;
      case 'line':
        if (mode === BREAK || d.mode === 'hard' || d.mode === 'blank') return true;
        if (d.mode === 'line') room -= 1;
        break;
      default:
        break;
    }
  }
  return false;
}
