// RFC 2047 encoded words (`=?utf-8?B?...?=`, `=?iso-8859-1?Q?...?=`): how non-ASCII subjects
// and display names travel in headers. White space between two adjacent encoded words is
// part of the encoding, not of the text, so it is dropped.
const ENCODED_WORD = /=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/g;
const BETWEEN_ENCODED_WORDS = /(=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=)[ \t\r\n]+(?==\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=)/g;

function decodeQ(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (char === '_') bytes.push(0x20);
    else if (char === '=' && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(char.charCodeAt(0) & 0xff);
  }
  return Buffer.from(bytes);
}

function decodeBytes(bytes: Buffer, charset: string): string {
  // RFC 2231 allows a language suffix: utf-8*en.
  const label = charset.split('*')[0]!.toLowerCase();
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    // An unknown charset should not lose the whole name: latin1 keeps every byte visible.
    return bytes.toString('latin1');
  }
}

export function decodeEncodedWords(text: string): string {
  if (!text.includes('=?')) return text;
  return text.replace(BETWEEN_ENCODED_WORDS, '$1').replace(ENCODED_WORD, (whole, charset: string, encoding: string, payload: string) => {
    try {
      const bytes = encoding.toUpperCase() === 'B' ? Buffer.from(payload, 'base64') : decodeQ(payload);
      return decodeBytes(bytes, charset);
    } catch {
      return whole;
    }
  });
}
