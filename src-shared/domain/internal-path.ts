/**
 * A screen that sends the desk elsewhere and wants it back (the interview → the registry → the
 * interview) passes its own route as `returnTo`. Only an in-app route is followed: it must start
 * with one "/" — never "//host", a scheme, a backslash or a control character — so a crafted link
 * cannot send the desk to another site.
 */
export function safeInternalPath(raw: string | null | undefined): string | null {
  if (!raw) return null;
  if (raw.length > 500 || !raw.startsWith('/') || raw.startsWith('//')) return null;
  // "\" is read as "/" by browsers; control characters and spaces are never in our routes.
  if (raw.includes('\\') || [...raw].some((ch) => ch.charCodeAt(0) <= 0x20 || ch.charCodeAt(0) === 0x7f || /\s/.test(ch))) return null;
  return raw;
}

/** The path with one query parameter set (replacing an earlier value of the same name). */
export function withQueryParam(path: string, name: string, value: string): string {
  const at = path.indexOf('?');
  const base = at === -1 ? path : path.slice(0, at);
  const query = new URLSearchParams(at === -1 ? '' : path.slice(at + 1));
  query.set(name, value);
  return `${base}?${query.toString()}`;
}
