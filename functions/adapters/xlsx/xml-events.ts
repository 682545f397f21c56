import { Parser } from 'htmlparser2';

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
 * One streaming pass over `xml` (htmlparser2 in XML mode: entities decoded, no tree kept).
 * Text is reported in pieces; the handler joins them.
 */
export function parseXml(xml: string, handler: XmlHandler): void {
  const parser = new Parser(
    {
      onopentag: (name, attributes) => handler.open(localName(name), attributes),
      ontext: handler.text,
      onclosetag: handler.close ? (name) => handler.close?.(localName(name)) : undefined,
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
}
