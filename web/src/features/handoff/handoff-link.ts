/** The link token of a handoff path `/h/<token>`, or null for any other path. */
export function handoffTokenFromPath(pathname: string): string | null {
  return /^\/h\/([A-Za-z0-9_-]{20,100})\/?$/.exec(pathname)?.[1] ?? null;
}
