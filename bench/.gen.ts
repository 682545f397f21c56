import { makeLargeWorkbook } from './large-workbook.ts';
await makeLargeWorkbook(process.argv[2]!, { agencies: Number(process.argv[3]), months: 24 });
