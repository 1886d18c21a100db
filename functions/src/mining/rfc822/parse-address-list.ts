// Parses an RFC 5322 address list (From, To, Cc, Bcc) as mail clients really write it:
// `Name <addr>`, bare addresses, quoted display names with commas and escapes, comments
// (including the old `addr (Name)` form), groups (`Team: a@x, b@y;`, `undisclosed-recipients:;`)
// and encoded words in names. Entries without a usable address (X.500 paths, garbage) are dropped.
import { normalizeEmail } from '../../../../shared/domain/email-address.ts';
import { decodeEncodedWords } from './decode-encoded-words.ts';

export interface ParsedMailbox {
  email: string;
  displayName: string;
}

type Token =
  | { kind: 'word'; text: string; quoted: boolean }
  | { kind: 'comment'; text: string }
  | { kind: 'angle'; text: string }
  | { kind: 'special'; text: ',' | ':' | ';' };

function readQuoted(value: string, start: number): { text: string; end: number } {
  let text = '';
  let i = start + 1;
  while (i < value.length && value[i] !== '"') {
    if (value[i] === '\\' && i + 1 < value.length) i += 1;
    text += value[i];
    i += 1;
  }
  return { text, end: i + 1 };
}

function readComment(value: string, start: number): { text: string; end: number } {
  let depth = 0;
  let text = '';
  let i = start;
  for (; i < value.length; i += 1) {
    const char = value[i]!;
    if (char === '\\' && i + 1 < value.length) {
      text += value[i + 1];
      i += 1;
      continue;
    }
    if (char === '(') {
      depth += 1;
      if (depth === 1) continue;
    } else if (char === ')') {
      depth -= 1;
      if (depth === 0) return { text, end: i + 1 };
    }
    text += char;
  }
  return { text, end: i };
}

function tokenize(value: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < value.length) {
    const char = value[i]!;
    if (/\s/.test(char)) {
      i += 1;
    } else if (char === '"') {
      const { text, end } = readQuoted(value, i);
      tokens.push({ kind: 'word', text, quoted: true });
      i = end;
    } else if (char === '(') {
      const { text, end } = readComment(value, i);
      tokens.push({ kind: 'comment', text });
      i = end;
    } else if (char === '<') {
      const close = value.indexOf('>', i + 1);
      const end = close < 0 ? value.length : close;
      tokens.push({ kind: 'angle', text: value.slice(i + 1, end) });
      i = end + 1;
    } else if (char === ',' || char === ':' || char === ';') {
      tokens.push({ kind: 'special', text: char });
      i += 1;
    } else {
      let end = i;
      while (end < value.length && !/[\s"(<,:;>]/.test(value[end]!)) end += 1;
      // A stray ">" is skipped rather than looping on it.
      tokens.push({ kind: 'word', text: value.slice(i, Math.max(end, i + 1)), quoted: false });
      i = Math.max(end, i + 1);
    }
  }
  return tokens;
}

function toAddress(text: string): string | null {
  // An obsolete route (`<@relay.example:user@host>`) precedes the address proper.
  const withoutRoute = text.includes(':') ? text.slice(text.lastIndexOf(':') + 1) : text;
  const candidate = withoutRoute.replace(/\s+/g, '').replace(/^mailto:/i, '');
  const at = candidate.lastIndexOf('@');
  if (at <= 0 || at === candidate.length - 1) return null;
  const local = candidate.slice(0, at).replace(/^".*"$/, 'x');
  if (/[<>()\[\],;"\\@]/.test(local) || /[\s<>()\[\],;"\\@]/.test(candidate.slice(at + 1))) return null;
  return normalizeEmail(candidate);
}

function cleanName(text: string): string {
  const decoded = decodeEncodedWords(text.trim()).replace(/\s+/g, ' ').trim();
  // Some clients repeat the address as the name ('"dana@x.gov" <dana@x.gov>') or quote it twice.
  return decoded.replace(/^['"]+|['"]+$/g, '').trim();
}

export function parseAddressList(value: string): ParsedMailbox[] {
  const mailboxes: ParsedMailbox[] = [];
  let words: Token[] = [];
  let angle: string | null = null;
  let comments: string[] = [];
  const flush = () => {
    let email: string | null;
    let displayName: string;
    if (angle !== null) {
      email = toAddress(angle);
      displayName = words.map((w) => w.text).join(' ');
      if (!displayName && comments.length) displayName = comments.join(' ');
    } else if (words.filter((w) => w.kind === 'word' && !w.quoted && w.text.includes('@')).length > 1) {
      // Addresses separated by spaces instead of commas: each is its own mailbox.
      for (const word of words) {
        const address = word.kind === 'word' && !word.quoted ? toAddress(word.text) : null;
        if (address) mailboxes.push({ email: address, displayName: '' });
      }
      email = null;
      displayName = '';
    } else {
      // A bare addr-spec; its words were split only by our tokenizer, never by the writer.
      email = toAddress(words.map((w) => (w.kind === 'word' && w.quoted ? `"${w.text}"` : w.text)).join(''));
      displayName = comments.join(' ');
    }
    if (email) mailboxes.push({ email, displayName: cleanName(displayName) });
    words = [];
    angle = null;
    comments = [];
  };
  for (const token of tokenize(value)) {
    if (token.kind === 'special') {
      if (token.text === ':' && angle === null) {
        // The group's name is not an address; its members follow.
        words = [];
        comments = [];
      } else {
        flush();
      }
    } else if (token.kind === 'angle') {
      if (angle !== null) flush();
      angle = token.text;
    } else if (token.kind === 'comment') {
      comments.push(token.text);
    } else {
      if (angle !== null) flush();
      words.push(token);
    }
  }
  flush();
  return mailboxes;
}
