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

/** Secret values known to this command's services (set once they open): never printed. */
let redactOutput: (text: string) => string = (text) => text;

export function redactOutputWith(redact: (text: string) => string): void {
  redactOutput = redact;
}

/** Writes human output to stdout: secrets redacted, control characters neutralised. */
export function writeOut(text: string): void {
  process.stdout.write(terminalSafe(redactOutput(text)));
}

/** Writes human output to stderr: secrets redacted, control characters neutralised. */
export function writeErr(text: string): void {
  process.stderr.write(terminalSafe(redactOutput(text)));
}

/** Writes --json output (JSON escapes control characters itself): secrets redacted. */
export function writeJson(json: string): void {
  process.stdout.write(redactOutput(json));
}
