/** The public site's page shell: escaping, the head with its one inline style sheet, header and footer. */
import { jalaliDate, MONTH_NAMES, toPersianDigits } from '../language/jalali.ts';

/** Text for HTML content and attribute values: `& < > " '` escaped. */
export function esc(text: string | number): string {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A Jalali date, `۵ مرداد ۱۴۰۳`, of an ISO instant (Asia/Tehran). */
export function jalaliDay(iso: string): string {
  const { year, month, day } = jalaliDate(new Date(iso));
  return toPersianDigits(`${day} ${MONTH_NAMES[month - 1] ?? ''} ${year}`);
}

/**
 * One style sheet for every page, inline (no request for it). Wide content wraps instead
 * of scrolling sideways; print drops the navigation and keeps tables whole.
 */
const STYLE = `
*{box-sizing:border-box}
html{font-size:100%}
body{margin:0;font-family:Vazirmatn,Tahoma,'Segoe UI',Arial,sans-serif;line-height:1.8;color:#1b1f24;background:#fff;overflow-wrap:break-word}
header,main,footer{max-width:52rem;margin:0 auto;padding:0 1rem}
header{border-bottom:3px solid #0b5394;padding-top:.75rem;padding-bottom:.5rem}
header p{margin:0;font-size:.95rem}
nav a,a{color:#0b4a85}
h1{font-size:1.45rem;line-height:1.6;margin:1rem 0 .5rem}
h2{font-size:1.2rem;margin:1.75rem 0 .5rem;border-bottom:1px solid #c9d1d9}
h3{font-size:1.05rem;margin:1.25rem 0 .25rem}
.note{background:#fff4e5;border-inline-start:4px solid #b45309;padding:.5rem .75rem;margin:1rem 0}
.meta{color:#4a5561;font-size:.95rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.95rem}
caption{text-align:right;font-weight:bold;padding:.25rem 0}
th,td{border:1px solid #c9d1d9;padding:.25rem .4rem;text-align:right;vertical-align:top}
th{background:#eef2f6}

svg{display:block;width:100%;height:auto;max-width:34rem}
figure{margin:.5rem 0}
figcaption{font-size:.9rem;color:#4a5561}
ul{padding-inline-start:1.25rem}
img{max-width:100%;height:auto}
footer{border-top:1px solid #c9d1d9;margin-top:2rem;padding-top:.5rem;padding-bottom:1rem;font-size:.9rem;color:#4a5561}
@media print{nav,.skip{display:none}body{font-size:11pt}a{color:#000;text-decoration:none}table,figure{break-inside:avoid}header,main,footer{max-width:none}}
`
  .trim()
  .replace(/\n/g, '');

export interface PageShell {
  title: string;
  /** The site's name line in the header: «ارزیابی روابط‌عمومی‌های استان ایلام». */
  siteName: string;
  /** Relative path to the site's root index (`index.html`, `../index.html`). */
  home: string;
  main: string;
  footer: string;
}

/** A whole page: `lang="fa" dir="rtl"`, no script, no request to any other host. */
export function page(shell: PageShell): string {
  return `<!DOCTYPE html>
<html lang="fa" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(shell.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<p><a href="${esc(shell.home)}">${esc(shell.siteName)}</a></p>
</header>
<main>
${shell.main}
</main>
<footer>
${shell.footer}
</footer>
</body>
</html>
`;
}

/** «ارزیابی روابط‌عمومی‌های استان ایلام». */
export const siteNameOf = (province: string): string => `ارزیابی روابط‌عمومی‌های استان ${province}`;

/** A table with a caption, a header row (`th scope="col"`) and rows; each cell is HTML already escaped. */
export function table(caption: string, head: string[], rows: string[][]) {
  const th = head.map((h) => `<th scope="col">${h}</th>`).join('');
  const body = rows
    .map((row) => {
      const cells = row.map((cell, i) =>
        i === 0 ? `<th scope="row">${cell}</th>` : `<td>${cell}</td>`,
      );
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  return `<table>
<caption>${caption}</caption>
<thead><tr>${th}</tr></thead>
<tbody>
${body}
</tbody>
</table>`;
}
