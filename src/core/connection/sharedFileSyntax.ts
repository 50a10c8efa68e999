/**
 * A strict reader of the AWS shared config and credentials files. The SDK's own reader drops what it cannot
 * read without a word (an unclosed header, `key: value`, a UTF-16 file, or the whole file for `[__proto__]`),
 * and a profile that loses its endpoint_url sends calls to production. This reader accepts exactly the files
 * the SDK reads the same way, yields the same sections and keys, and names the first line it cannot read.
 */

export type SharedFileKind = 'config' | 'credentials';

export interface SharedFileEntry {
  readonly value: string;
  readonly line: number;
}

export interface SharedFileSection {
  readonly line: number;
  /** Keys as the SDK names them: a sub-section's keys as `<sub-section>.<key>`. */
  readonly entries: ReadonlyMap<string, SharedFileEntry>;
}

/** Sections under the SDK's keys: a profile by its name (`default`, `p`), `sso-session.x`, `services.x`. */
export type SharedFileSections = ReadonlyMap<string, SharedFileSection>;

export interface SharedFileFault {
  /** 1-based; absent when the fault is the whole file's. */
  readonly line?: number;
  readonly problem: string;
  readonly fix: string;
}

export type SharedFileReading = { ok: true; sections: SharedFileSections } | { ok: false; fault: SharedFileFault };

/** Longer lines are no setting anyone writes: refused rather than guessed at. */
export const MAX_LINE_LENGTH = 8192;
const SAVE_AS_UTF8 = 'Save it as UTF-8 text without a byte order mark (in VS Code: "Save with Encoding", then "UTF-8").';
/** The SDK's pattern of a `<type> <name>` header (parseIni's prefixKeyRegex). */
const PREFIXED_NAME = /^([\w-]+)\s(["'])?([\w-@+.%:/]+)\2$/;
const CONFIG_SECTION_TYPES = new Set(['profile', 'sso-session', 'services']);
const KEY_NAME = /^[\w.-]+$/;

export function readSharedFile(bytes: Uint8Array, kind: SharedFileKind): SharedFileReading {
  const decoded = decode(bytes);
  if ('fault' in decoded) return { ok: false, fault: decoded.fault };
  return parse(decoded.text, kind);
}

function decode(bytes: Uint8Array): { text: string } | { fault: SharedFileFault } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { fault: { problem: 'the file is saved as UTF-16 (little-endian, with a byte order mark), which the AWS SDK cannot read', fix: SAVE_AS_UTF8 } };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { fault: { problem: 'the file is saved as UTF-16 (big-endian, with a byte order mark), which the AWS SDK cannot read', fix: SAVE_AS_UTF8 } };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { fault: { line: 1, problem: 'the file starts with a UTF-8 byte order mark, which the AWS SDK reads as part of the first line', fix: SAVE_AS_UTF8 } };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const utf16 = bytes.length >= 2 && (bytes[0] === 0 || bytes[1] === 0);
    return {
      fault: {
        line: lineOfOffset(bytes, nul),
        problem: utf16 ? 'the file looks saved as UTF-16 (NUL bytes between the letters), which the AWS SDK cannot read' : 'the line holds a NUL byte',
        fix: utf16 ? SAVE_AS_UTF8 : 'Remove the NUL byte, or save the file again as UTF-8 text.',
      },
    };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const lenient = new TextDecoder('utf-8').decode(bytes);
    return { fault: { line: lineOfText(lenient, lenient.indexOf('\uFFFD')), problem: 'the line is not valid UTF-8 text', fix: SAVE_AS_UTF8 } };
  }
  const loneCr = /\r(?!\n)/.exec(text);
  if (loneCr) {
    return { fault: { line: lineOfText(text, loneCr.index), problem: 'the line ends with a lone carriage return (CR), which the AWS SDK does not take as a line break', fix: 'Save the file with LF or CRLF line endings.' } };
  }
  return { text };
}

interface OpenSection {
  key: string | undefined;
  entries: Map<string, SharedFileEntry>;
  subSection?: string;
}

function parse(text: string, kind: SharedFileKind): SharedFileReading {
  const sections = new Map<string, { line: number; entries: Map<string, SharedFileEntry> }>();
  let current: OpenSection | undefined;
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const line = index + 1;
    const raw = lines[index];
    const fault = (problem: string, fix: string): SharedFileReading => ({ ok: false, fault: { line, problem, fix } });
    if (raw.length > MAX_LINE_LENGTH) return fault(`the line is ${raw.length} characters long (at most ${MAX_LINE_LENGTH} are read)`, 'Shorten or remove it.');
    // The SDK's own comment rule: `#` or `;` at the start or after white space.
    const content = raw.split(/(^|\s)[;#]/)[0].trim();
    if (content === '') continue;
    if (content.startsWith('[')) {
      if (!content.endsWith(']')) return fault(`the section header ${quote(content)} is not closed`, `End it with "]", as in [${kind === 'config' ? 'profile name' : 'name'}].`);
      const header = sectionKey(content.slice(1, -1), kind);
      if ('problem' in header) return fault(header.problem, header.fix);
      if (header.key !== undefined) {
        const earlier = sections.get(header.key);
        if (earlier) return fault(`the section ${quote(content)} appears a second time (first on line ${earlier.line}), and the two would be merged`, 'Keep one section of that name: merge the two.');
        sections.set(header.key, { line, entries: new Map() });
      }
      current = { key: header.key, entries: header.key === undefined ? new Map() : sections.get(header.key)!.entries };
      continue;
    }
    // Neither a line's text nor a value is quoted: in the credentials file it may be a secret.
    if (!current) return fault('the line is outside any section', 'Put it under a section header such as [default], or remove it.');
    const equals = content.indexOf('=');
    if (equals < 0) {
      const colon = /^([\w.-]+)\s*:/.exec(content);
      return fault(colon ? `"${colon[1]}" is followed by ":" instead of "="` : 'the line has no "="', colon ? `Write it as "${colon[1]} = …".` : 'Write settings as "name = value", or remove the line.');
    }
    const name = content.slice(0, equals).trim();
    const value = content.slice(equals + 1).trim();
    if (!KEY_NAME.test(name)) return fault('the text before "=" is not a setting name', 'Write settings as "name = value", the name of letters, digits, "_", "-" or ".".');
    if (isReservedName(name)) return fault(`the setting name ${quote(name)} is reserved by JavaScript, and the AWS SDK mishandles it`, 'Remove the line.');
    if (value === '') {
      current.subSection = name;
      continue;
    }
    if (current.subSection !== undefined && raw.trimStart() === raw) current.subSection = undefined;
    const key = current.subSection === undefined ? name : `${current.subSection}.${name}`;
    const earlier = current.entries.get(key);
    if (earlier) return fault(`${quote(key)} is set a second time in this section (first on line ${earlier.line})`, 'Keep one of the two lines.');
    current.entries.set(key, { value, line });
  }
  return { ok: true, sections };
}

type SectionKey = { key: string | undefined } | { problem: string; fix: string };

/** The SDK's key of a `[name]` header (parseIni, then getConfigData for the config file); undefined: a section the SDK skips. */
function sectionKey(name: string, kind: SharedFileKind): SectionKey {
  const prefixed = PREFIXED_NAME.exec(name);
  const reserved = isReservedName(name) || (prefixed !== null && isReservedName(prefixed[3]));
  if (reserved) return { problem: `the section name [${name}] is reserved by JavaScript, and the AWS SDK drops every profile of the file for it`, fix: 'Rename or remove that section.' };
  if (kind === 'credentials') {
    if (prefixed && CONFIG_SECTION_TYPES.has(prefixed[1])) {
      return { problem: `the credentials file names its sections without a type, so [${name}] is not read as profile ${prefixed[3]}`, fix: `Write it as [${prefixed[3]}].` };
    }
    return { key: name };
  }
  if (name === 'default') return { key: 'default' };
  if (prefixed) {
    const [, type, , profile] = prefixed;
    if (!CONFIG_SECTION_TYPES.has(type)) return { problem: `[${name}] is not a section the AWS SDK reads`, fix: `Name it [profile ${profile}], [sso-session ${profile}] or [services ${profile}].` };
    return { key: type === 'profile' ? profile : `${type}.${profile}` };
  }
  if (/[\s"'[\]]/.test(name) || name === '') {
    return { problem: `the section header [${name}] is not one the AWS SDK can read`, fix: 'Write it as [default], [profile name], [sso-session name] or [services name], the name without spaces or quotes.' };
  }
  // `[plugins]`, `[preview]`: the AWS CLI's own sections, which the SDK skips.
  return { key: undefined };
}

/** Names that are properties of every JavaScript object: a section or key so named corrupts the SDK's reading. */
function isReservedName(name: string): boolean {
  return name in Object.prototype || name === 'prototype';
}

function quote(text: string): string {
  return `"${text.length > 60 ? `${text.slice(0, 60)}…` : text}"`;
}

function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset; index++) if (bytes[index] === 0x0a) line++;
  return line;
}

/** The line as an editor counts it: LF, CRLF and a lone CR each end one. */
function lineOfText(text: string, offset: number): number {
  return (text.slice(0, Math.max(0, offset)).match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
}
