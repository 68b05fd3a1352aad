/**
 * The workbench may load only what it ships: no CDN, no remote font, no remote script.
 * Monaco injects style elements, hence 'unsafe-inline' for styles only; its workers are
 * bundled files of our own origin.
 */
export function contentSecurityPolicy(connectSrc: readonly string[]): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    `connect-src 'self' ${connectSrc.join(' ')}`.trim(),
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
