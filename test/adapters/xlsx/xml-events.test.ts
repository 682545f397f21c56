import { describe, expect, it } from 'vitest';
import { parseXml, XmlFormatError } from '../../../functions/adapters/xlsx/xml-events.ts';

/** The events of one pass, as strings. */
function events(xml: string): string[] {
  const seen: string[] = [];
  parseXml(xml, {
    open: (name, attributes) => seen.push(`<${name} ${JSON.stringify(attributes())}`),
    text: (text) => seen.push(`text ${text}`),
    close: (name) => seen.push(`</${name}`),
  });
  return seen;
}

describe('parseXml (saxen)', () => {
  it('decodes entities in text and attributes, keeps CDATA, drops prefixes', () => {
    expect(
      events(
        '<?xml version="1.0"?><x:sheet xmlns:x="urn:x"><x:c r="A1" n="R&amp;D &#x41;"><t>a &lt; b &#1705;</t><t><![CDATA[<b>]]></t></x:c></x:sheet>',
      ),
    ).toEqual([
      '<sheet {"xmlns:x":"urn:x"}',
      '<c {"r":"A1","n":"R&D A"}',
      '<t {}',
      'text a < b ک',
      '</t',
      '<t {}',
      'text <b>',
      '</t',
      '</c',
      '</sheet',
    ]);
  });

  it('decodes a character past U+FFFF whole, and line ends as XML 1.0 does', () => {
    expect(
      events('<a n="&#128512;&#x1D4B3;" m="x\ty\r\nz&#10;">&#128512;&#x1F600; p\r\nq\rr&#13;</a>'),
    ).toEqual(['<a {"n":"😀𝒳","m":"x y z\\n"}', 'text 😀😀 p\nq\nr\r', '</a']);
  });

  it('decodes attributes once, however often the handler asks', () => {
    const seen: string[] = [];
    parseXml('<sheet name="R&amp;amp;D"/>', {
      open: (_name, attributes) => seen.push(attributes().name ?? '', attributes().name ?? ''),
    });
    expect(seen).toEqual(['R&amp;D', 'R&amp;D']);
  });

  it('reports a self-closing tag as opened and closed', () => {
    expect(events("<row r='2'/>")).toEqual(['<row {"r":"2"}', '</row']);
  });

  it.each([
    ['a tag closed that is not the open one', '<a><b></a>'],
    ['a part cut short', '<sheetData><row r="1"><c>'],
    ['an attribute missing its closing quote', '<a x="1></a>'],
    ['no element at all', 'PK\u0003\u0004 not xml'],
    ['an entity XML does not define', '<t>a&nbsp;b</t>'],
    ['a reference to no character', '<t>&#0;</t>'],
    ['half a surrogate pair', '<t a="&#xD83D;"/>'],
  ])('stops at %s', (_what, xml) => {
    expect(() => events(xml)).toThrow(XmlFormatError);
  });
});
