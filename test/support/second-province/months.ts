// The months of the second province's workbook.
export const MONTHS = ['1404-01', '1404-02', '1404-03'] as const;
