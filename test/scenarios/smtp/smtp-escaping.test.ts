import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABS } from '../../../functions/core/contract/tabs.ts';
import { sheetXml } from '../../support/xlsx-fixtures.ts';
import { scratch } from '../../support/cli-harness.ts';
import { startSmtpServer, type TestSmtpServer } from '../../support/smtp-server.ts';
import {
  setAgencyCards,
  RECIPIENTS,
  addresses,
  editTab,
  headerBlock,
  renameAgencies,
  runOverSmtp,
} from '../../support/mail-fixtures.ts';

const IMG = '<img src=x onerror=alert(1)>';
const LINK = '=HYPERLINK("http://x")';
const INJECT = '\r\nBcc: evil@x';
/** d004 and d005 share the first rank of the first group in Tir: both are in the release. */
const HOSTILE: Record<string, string> = {
  d004: IMG,
  d005: LINK,
  f04: `فرمانداری بدره${INJECT}`,
};

type Box = Awaited<ReturnType<typeof scratch>>;
let box: Box;
let smtp: TestSmtpServer;
let code: number;
let stderr: string;

beforeAll(async () => {
  box = await scratch();
  await setAgencyCards(box.workbook, false); // the release alone (cards: agency-cards.test.ts)
  smtp = await startSmtpServer();
  await renameAgencies(box.workbook, HOSTILE);
  await editTab(box.workbook, 'recipients', (worksheet) => {
    worksheet.getCell('B2').value = `دبیرخانه${INJECT}`;
    worksheet.getCell('B3').value = '"x" <evil@x>, evil2@x';
  });
  await editTab(box.workbook, 'settings', (worksheet) => {
    worksheet.eachRow((row) => {
      if (row.getCell(1).value === 'استان') row.getCell(2).value = `ایلام${INJECT}`;
    });
  });
  ({ code, stderr } = await runOverSmtp(box, smtp.url));
});
afterAll(async () => {
  await smtp.close();
  await box.cleanup();
});

describe('sheet values end to end: shown as text, never run, never a header', () => {
  it('sends the release once to each recipient and to nobody else', () => {
    expect(code, stderr).toBe(0);
    expect(smtp.counts()).toEqual(Object.fromEntries([...RECIPIENTS].sort().map((a) => [a, 1])));
    expect(smtp.received.map((m) => m.envelope.to)).toEqual(RECIPIENTS.map((a) => [a]));
  });

  it('adds no header: Bcc, Cc or an extra To from a name or the province', () => {
    for (const [i, { raw, parsed }] of smtp.received.entries()) {
      const headers = headerBlock(raw);
      expect(headers).not.toMatch(/^(bcc|cc|resent-[a-z]+):/im);
      // «evil» is only ever inside a quoted display name, never an address of its own.
      expect(headers.replace(/^To: "[^\r\n]*" <[^>]+>$/m, '')).not.toMatch(/evil/i);
      expect(parsed.bcc).toBeUndefined();
      expect(parsed.cc).toBeUndefined();
      expect(addresses(parsed.to)).toEqual([RECIPIENTS[i]]);
      expect(parsed.subject).toBe(
        'گزارش ارزیابی روابط‌عمومی‌های استان ایلام Bcc: evil@x — تیر ۱۴۰۳',
      );
    }
    const [first, second] = smtp.received.map((m) => m.parsed.to);
    expect(first && !Array.isArray(first) ? first.value : null).toEqual([
      { address: RECIPIENTS[0], name: 'دبیرخانه Bcc: evil@x' },
    ]);
    expect(second && !Array.isArray(second) ? second.value : null).toEqual([
      { address: RECIPIENTS[1], name: '"x" <evil@x>, evil2@x' },
    ]);
  });

  it('shows the names escaped in the HTML part: no element, no link', () => {
    const html = smtp.received[0]?.parsed.html;
    if (typeof html !== 'string') throw new Error('no HTML part');
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(html).toContain('&#x3D;HYPERLINK(&quot;http://x&quot;)');
    expect(html).toContain('فرمانداری بدره Bcc: evil@x');
    // The one picture is the infographic the template places, resolved to its own part.
    expect([...html.matchAll(/<img src="([^:"]+):/gi)].map((m) => m[1])).toEqual(['data']);
    expect(html.match(/<img/gi)).toHaveLength(1);
    expect(html).not.toMatch(/<a[\s>]/i);
    expect(html).not.toMatch(/onerror=/i);
    expect(html).not.toMatch(/href=/i);
    // Every element of the message is one the template wrote.
    const elements = new Set([...html.matchAll(/<([a-z][a-z0-9]*)/gi)].map((m) => m[1]));
    expect([...elements].sort()).toEqual([
      'body',
      'br',
      'div',
      'h1',
      'h2',
      'head',
      'html',
      'img',
      'meta',
      'p',
      'span',
      'strong',
      'table',
      'td',
      'th',
      'title',
      'tr',
    ]);
  });

  it('shows the names as written in the text part', () => {
    const text = smtp.received[0]?.parsed.text ?? '';
    expect(text).toContain(IMG);
    expect(text).toContain(LINK);
    expect(text).toContain('فرمانداری بدره Bcc: evil@x');
  });

  it('neutralises the formula in the CSV attachment with a leading apostrophe', () => {
    const attachments = smtp.received[0]?.parsed.attachments ?? [];
    const csv =
      attachments.find((a) => a.filename?.endsWith('.csv'))?.content.toString('utf8') ?? '';
    expect(csv).toContain(`"${IMG}"`);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).not.toContain(`,"=HYPERLINK`);
  });

  it('writes the names into the results tab as text cells, not formulas', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(box.workbook);
    const results = workbook.getWorksheet(TABS.results.label);
    if (!results) throw new Error('no results tab');
    const found: Record<string, { type: ExcelJS.ValueType; formula: unknown; value: unknown }> = {};
    results.eachRow((row) => {
      const id = row.getCell(4).value;
      if (row.getCell(1).value === '1403-04' && (id === 'd004' || id === 'd005')) {
        const cell = row.getCell(5);
        found[id] = { type: cell.type, formula: cell.formula, value: cell.value };
      }
    });
    expect(found).toEqual({
      d004: { type: ExcelJS.ValueType.String, formula: undefined, value: IMG },
      d005: { type: ExcelJS.ValueType.String, formula: undefined, value: LINK },
    });
    const xml = await sheetXml(box.workbook, TABS.results.label);
    expect(xml).not.toMatch(/<f[\s>]/);
  });
});
