// A string built from pieces (a template literal, `+`) is, in V8, a tree of those pieces until something needs it
// whole — about four times the memory of its text. Strings held long, by the hundred thousand (a long document's
// check messages, kept until the document is written), are made whole once instead.

/** The same string, made one piece: converting it to a number (the result unused) makes V8 flatten it in place. */
export function flatten(s: string): string {
  void ((s as unknown as number) | 0);
  return s;
}
