/** A streaming pass over an XML part (saxen) with XML 1.0's decoding of text and attributes. */
import { Parser } from 'saxen';

/**
 * What a streaming pass over an XML part reports: element names without their prefix; an
 * element's attributes (entities decoded) are read only when the handler asks for them.
 */
export interface XmlHandler {
  open(name: string, attributes: () => Record<string, string>): void;
  text?(text: string): void;
  close?(name: string): void;
}

/** A part that is not well-formed XML (a tag left open or closed twice, a broken attribute). */
export class XmlFormatError extends Error {}

const localName = (name: string): string => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const REFERENCE = /&(?:#(\d+)|#x([0-9a-fA-F]+)|([^;&\s]*));/g;

function character(all: string, decimal?: string, hex?: string, name?: string): string {
  if (name !== undefined) {
    const named = NAMED[name];
    if (named === undefined) throw new XmlFormatError(`unknown entity ${all}`);
    return named;
  }
  const code = decimal !== undefined ? Number(decimal) : parseInt(hex ?? '', 16);
  // XML 1.0's Char: no NUL, no lone surrogate, nothing past U+10FFFF.
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
    throw new XmlFormatError(`${all} is not a character`);
  }
  return String.fromCodePoint(code);
}

/**
 * Text as XML 1.0 hands it to an application (saxen hands it over as written): line ends
 * (CR LF, a lone CR) as LF, then character and entity references replaced. saxen's own
 * decoder reads `&#128512;` through String.fromCharCode, which cuts a character past
 * U+FFFF (an emoji, as openpyxl writes them) to another one.
 */
function decodeText(raw: string): string {
  const text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  return text.includes('&') ? text.replace(REFERENCE, character) : text;
}

/** An attribute's value as XML 1.0 normalizes it: a literal tab or line end is a space. */
function decodeAttribute(raw: string): string {
  const value = /[\t\n\r]/.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, ' ') : raw;
  return value.includes('&') ? value.replace(REFERENCE, character) : value;
}

/** The attributes decoded, once however often the handler asks (saxen keeps one object). */
function decoded(read: () => Record<string, string>): () => Record<string, string> {
  let attributes: Record<string, string> | undefined;
  return () => {
    if (attributes !== undefined) return attributes;
    attributes = read();
    for (const key in attributes) {
      const value = attributes[key];
      if (value !== undefined) attributes[key] = decodeAttribute(value);
    }
    return attributes;
  };
}

/**
 * One streaming pass over `xml` with saxen (about twice as fast as saxes on a worksheet of
 * a million cells, bench "xlsx read"): line ends and references decoded by us, no tree kept, and anything saxen
 * reports as an error or a warning (a tag closed that was never opened, an attribute's
 * missing quote, text after the end) stops the pass. Text may come in pieces; the handler
 * joins them.
 */
export function parseXml(xml: string, handler: XmlHandler): void {
  const parser = new Parser();
  const fail = (error: Error): never => {
    throw new XmlFormatError(error.message);
  };
  parser.on('error', fail);
  parser.on('warn', fail);
  parser.on('openTag', (name, attributes) => handler.open(localName(name), decoded(attributes)));
  const text = handler.text;
  if (text !== undefined) {
    parser.on('text', (raw) => text(decodeText(raw)));
    parser.on('cdata', (raw) => text(raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw));
  }
  const close = handler.close;
  if (close !== undefined) parser.on('closeTag', (name) => close(localName(name)));
  parser.parse(xml);
}
