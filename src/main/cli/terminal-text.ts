/**
 * Human CLI output shows names, SQL text, cluster replies and error messages that users or
 * clusters wrote: an ESC in a quoted identifier (`a\u001b]0;pwned\u0007`) would drive the
 * terminal (retitle it, hide text, fake a prompt). Control characters other than newline and tab
 * are shown as visible escapes instead. --json output needs none of this: JSON escapes them.
 */
// C0 controls but \t and \n, DEL, C1 controls, and the bidi overrides that reorder what is shown
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Writes human output to stdout, control characters neutralised. */
export function writeOut(text: string): void {
  process.stdout.write(terminalSafe(text));
}

/** Writes human output to stderr, control characters neutralised. */
export function writeErr(text: string): void {
  process.stderr.write(terminalSafe(text));
}
