/**
 * A Java exception as a cluster reports it (Flink's `errors` array, a gateway's failed
 * operation): the root cause, the innermost `Caused by:`, is what the user needs to read first;
 * the rest is the stack trace, for whoever reads on.
 */
export interface JavaError {
  /** The root cause's message, with its exception's simple name: "Object 'x' not found (ValidationException)". */
  readonly root: string;
  /** Every line of the trace, as the cluster sent it (frames included). */
  readonly trace: readonly string[];
}

const THROWABLE = /^(?:Caused by:\s*)?((?:[a-zA-Z_$][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error|Throwable))(?::\s*(.*))?$/;

export function javaError(text: string): JavaError | null {
  const trace = text.split('\n').map((l) => l.replace(/\s+$/, '')).filter((l) => l.trim() !== '');
  const throwables = trace.map((l) => THROWABLE.exec(l.trim())).filter((m): m is RegExpExecArray => m !== null);
  if (throwables.length === 0) return null;
  // Innermost cause with a message; wrappers often repeat "X: Y: message" of the cause.
  const root = [...throwables].reverse().find((m) => (m[2] ?? '').trim() !== '') ?? throwables[throwables.length - 1]!;
  const simpleName = root[1]!.split('.').pop()!;
  const message = stripNestedClass((root[2] ?? '').trim());
  return { root: message ? `${message} (${simpleName})` : simpleName, trace };
}

/** "org.x.FooException: real message" inside a message → "real message". */
function stripNestedClass(message: string): string {
  let m = message;
  for (;;) {
    const nested = /^(?:[a-zA-Z_$][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error):\s*(.*)$/.exec(m);
    if (!nested) return m;
    m = nested[1]!;
  }
}
