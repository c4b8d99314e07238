// JSON pointers (RFC 6901) name a value in the data: rules report them, the loader turns them
// into line and column.

export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}
