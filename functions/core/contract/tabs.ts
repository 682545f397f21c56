/**
 * The workbook's vocabulary: tab keys and column keys with their English names and
 * Persian labels (docs/workbook.md#the-tabs). Matching goes through `normalizeName` (normalize.ts).
 */
export type TabKey =
  | 'settings'
  | 'indicators'
  | 'bands'
  | 'agencies'
  | 'groups'
  | 'scores'
  | 'recipients'
  | 'results'
  | 'problems'
  | 'runs'
  | 'archive';

export interface ColumnSpec {
  key: string;
  label: string;
  required: boolean;
  /** Other English names a header may carry (an earlier version's), read as this column. */
  aliases?: readonly string[];
}

/** Every name a header may match the column by: its key, its Persian label, its aliases. */
export const columnNames = (spec: ColumnSpec): string[] => [
  spec.key,
  spec.label,
  ...(spec.aliases ?? []),
];

export interface TabSpec {
  key: TabKey;
  label: string;
  output: boolean;
  /** A tab people may leave out (groups): no `tab.missing`, and `init` does not add it. */
  optional?: boolean;
  columns: ColumnSpec[];
}

const col = (
  key: string,
  label: string,
  required = true,
  aliases?: readonly string[],
): ColumnSpec => ({ key, label, required, ...(aliases ? { aliases } : {}) });

export const TABS: Record<TabKey, TabSpec> = {
  settings: {
    key: 'settings',
    label: 'تنظیمات',
    output: false,
    columns: [col('key', 'کلید'), col('value', 'مقدار')],
  },
  indicators: {
    key: 'indicators',
    label: 'شاخص‌ها',
    output: false,
    columns: [
      col('code', 'کد'),
      col('title', 'عنوان'),
      col('dimension', 'محور'),
      col('max', 'حداکثر امتیاز'),
      col('weight', 'وزن', false),
    ],
  },
  bands: {
    key: 'bands',
    label: 'سطوح',
    output: false,
    columns: [col('label', 'عنوان'), col('min', 'حداقل امتیاز')],
  },
  agencies: {
    key: 'agencies',
    label: 'دستگاه‌ها',
    output: false,
    columns: [
      col('id', 'شناسه'),
      col('name', 'نام'),
      col('group', 'گروه'),
      col('active', 'فعال', false),
      col('email', 'ایمیل', false),
    ],
  },
  groups: {
    key: 'groups',
    label: 'گروه‌ها',
    output: false,
    optional: true,
    columns: [col('name', 'نام'), col('plural', 'عنوان جمع', false)],
  },
  scores: {
    key: 'scores',
    label: 'امتیازها',
    output: false,
    // Plus one column per indicator code; see parse-scores.
    columns: [
      col('month', 'ماه'),
      col('agency', 'دستگاه'),
      col('note', 'توضیحات', false),
      // Written by `open` for people to read (docs/workbook.md#scores).
      col('agency_name', 'نام دستگاه', false),
    ],
  },
  recipients: {
    key: 'recipients',
    label: 'گیرندگان',
    output: false,
    columns: [col('email', 'ایمیل'), col('name', 'نام', false), col('active', 'فعال', false)],
  },
  results: {
    key: 'results',
    label: 'نتایج',
    output: true,
    columns: [
      col('month', 'ماه'),
      col('group', 'گروه'),
      col('rank', 'رتبه'),
      col('agency_id', 'شناسه'),
      col('agency', 'دستگاه'),
      col('score', 'امتیاز'),
      col('band', 'سطح'),
      // Plus one column per dimension (its name), then:
      col('previous_score', 'امتیاز ماه قبل'),
      col('status', 'وضعیت'),
      col('run_id', 'شناسه اجرا'),
    ],
  },
  problems: {
    key: 'problems',
    label: 'خطاها',
    output: true,
    columns: [
      col('severity', 'نوع'),
      col('code', 'کد'),
      col('tab', 'برگه'),
      col('cell', 'خانه'),
      col('message', 'شرح'),
    ],
  },
  runs: {
    key: 'runs',
    label: 'اجراها',
    output: true,
    columns: [
      col('run_id', 'شناسه اجرا'),
      col('month', 'ماه'),
      // Written `at` and `detail` by earlier versions: read as `time` and `note`.
      col('time', 'زمان', true, ['at']),
      col('kind', 'نوع'),
      col('status', 'وضعیت'),
      col('recipient', 'گیرنده'),
      col('requested_by', 'درخواست‌کننده'),
      col('digest', 'چکیده داده'),
      col('note', 'توضیح', true, ['detail']),
    ],
  },

  archive: {
    key: 'archive',
    label: 'بایگانی',
    output: true,
    // Added by the first `close`, not by `init`.
    optional: true,
    // Plus one column per indicator code after the agency (docs/workbook.md#archive).
    columns: [
      col('month', 'ماه'),
      col('agency', 'دستگاه'),
      col('note', 'توضیحات', false),
      col('closed_at', 'زمان بستن'),
    ],
  },
};

export const INPUT_TABS: TabKey[] = [
  'settings',
  'indicators',
  'bands',
  'agencies',
  'scores',
  'recipients',
];
export const OUTPUT_TABS: TabKey[] = ['results', 'problems', 'runs'];

/** Every tab people write, the optional ones included, in the contract's order. */
export const PEOPLE_TABS: TabKey[] = [
  'settings',
  'indicators',
  'bands',
  'agencies',
  'groups',
  'scores',
  'recipients',
];

/** Settings keys with their Persian labels (docs/workbook.md#settings). */
export const SETTING_KEYS = {
  province: 'استان',
  spokesperson: 'سخنگو',
  spokesperson_title: 'سمت سخنگو',
  ranking: 'روش رتبه‌بندی',
  top: 'تعداد رتبه‌ها',
  weak_bands: 'تعداد سطوح ضعیف',
  headline_dimensions: 'محورهای خبر',
  agency_cards: 'کارنامه دستگاه‌ها',
  run_request: 'درخواست اجرا',
  run_status: 'وضعیت اجرا',
  source: 'منبع خبر',
  purpose: 'هدف ارزیابی',
  deadline: 'مهلت ثبت',
  reminder_days: 'روزهای یادآوری',
  editors: 'ویرایشگران',
  open_day: 'روز باز شدن',
  public_table: 'جدول عمومی',
  secretariat: 'دبیرخانه',
  contact: 'راه تماس',
} as const;
export type SettingKey = keyof typeof SETTING_KEYS;

/** Default bands written by `init` (docs/workbook.md#bands). */
export const DEFAULT_BANDS: { label: string; min: number }[] = [
  { label: 'بسیار ضعیف', min: 0 },
  { label: 'ضعیف', min: 20 },
  { label: 'متوسط', min: 40 },
  { label: 'خوب', min: 60 },
  { label: 'بسیار خوب', min: 80 },
];
