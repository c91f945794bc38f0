/**
 * Full-width → half-width for the ASCII block (！ … ～, U+FF01–U+FF5E) and the ideographic space.
 * So `＝１００％` reads like `=100%`. Chinese characters and punctuation outside that block are kept.
 */
export function toHalfWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

/** Removes every kind of whitespace, including the ideographic space and no-break space. */
export function removeWhitespace(text: string): string {
  return text.replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, '');
}

/** True when the text is null, empty or only whitespace. */
export function isBlank(text: string | null | undefined): boolean {
  return text == null || removeWhitespace(text) === '';
}
