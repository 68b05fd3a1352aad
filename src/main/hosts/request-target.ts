/**
 * Request targets come from anyone who can reach the port, before any check: `new URL(target,
 * origin)` throws on some (`//[x`) and reads `//host/...` as another authority. Here parsing is
 * total, the target is always a path on our own origin, and a target that is not a path is refused.
 */
export function parseTarget(target: string | undefined): { pathname: string; searchParams: URLSearchParams } | null {
  const raw = target ?? '/';
  // Only origin-form targets ("/path?query"); absolute-form and authority-form are for proxies.
  if (!raw.startsWith('/')) return null;
  try {
    const url = new URL(`http://weir.invalid${raw}`);
    return url.host === 'weir.invalid' ? { pathname: url.pathname, searchParams: url.searchParams } : null;
  } catch {
    return null;
  }
}

/** A same-origin Location for a path: never `//host` or `/\host`, which browsers read as another site. */
export function localLocation(pathname: string): string {
  return '/' + pathname.replace(/^[/\\]+/, '');
}
