import { SaxesParser } from 'saxes';

/** What a streaming pass over an XML part reports: element names without their prefix. */
export interface XmlHandler {
  open(name: string, attributes: Record<string, string>): void;
  text?(text: string): void;
  close?(name: string): void;
}

const localName = (name: string): string => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

/**
 * One streaming pass over `xml` with saxes (strict XML 1.0: a malformed part is an error,
 * entities decoded, no tree kept). Text may come in pieces; the handler joins them.
 */
export function parseXml(xml: string, handler: XmlHandler): void {
  const parser = new SaxesParser();
  parser.on('opentag', (tag) =>
    handler.open(localName(tag.name), tag.attributes as Record<string, string>),
  );
  const text = handler.text;
  if (text !== undefined) {
    parser.on('text', text);
    parser.on('cdata', text);
  }
  const close = handler.close;
  if (close !== undefined) parser.on('closetag', (tag) => close(localName(tag.name)));
  parser.write(xml).close();
}
