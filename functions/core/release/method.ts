// Statement 8: the method, its bands with limits that never overlap in words, and the purpose.
import { joinList, listSeparator, numberWords, persianNumber } from '../language/persian-text.ts';
import { displayName } from './names.ts';

/** A band and the scores it covers: «بسیار ضعیف کمتر از ۲۰»، «ضعیف ۲۰ تا کمتر از ۴۰»، «بسیار خوب ۸۰ و بالاتر». */
interface ThresholdView {
  label: string;
  /** The lowest band starting at zero: «کمتر از {toText}». */
  below: boolean;
  /** The highest band: «{fromText} و بالاتر». */
  above: boolean;
  /** Any other: «{fromText} تا کمتر از {toText}», never overlapping the next. */
  range: boolean;
  fromText: string;
  toText: string;
  sep: string;
}

/** Statement 8: how the evaluation is made, and why (the purpose from settings). */
export interface MethodView {
  present: boolean;
  hasIndicators: boolean;
  indicatorWords: string;
  hasDimensions: boolean;
  dimensionCountWords: string;
  dimensionsText: string;
  singleDimension: boolean;
  hasThresholds: boolean;
  bandCountWords: string;
  thresholds: ThresholdView[];
  hasPurpose: boolean;
  purpose: string;
}

export interface MethodInput {
  indicatorCount: number;
  dimensions: readonly string[];
  bands: readonly { label: string; min: number }[];
  purpose: string | null;
}

function thresholds(bands: MethodInput['bands']): ThresholdView[] {
  const sorted = [...bands].sort((a, b) => a.min - b.min);
  return sorted.map((band, index) => {
    const next = sorted[index + 1];
    const above = next === undefined;
    const below = !above && index === 0 && band.min <= 0;
    return {
      label: displayName(band.label),
      below,
      above,
      range: !above && !below,
      fromText: persianNumber(band.min),
      toText: next ? persianNumber(next.min) : '',
      sep: listSeparator(index, sorted.length),
    };
  });
}

export function methodView(input: MethodInput): MethodView {
  const dimensions = input.dimensions.map(displayName).filter((name) => name !== '');
  const count = Number.isInteger(input.indicatorCount) ? input.indicatorCount : 0;
  const hasIndicators = count > 0 && count < 1_000_000;
  const bands = input.bands.filter((band) => Number.isFinite(band.min));
  const purpose = input.purpose === null ? '' : displayName(input.purpose).replace(/[.。]\s*$/, '');
  const hasThresholds = bands.length > 1;
  return {
    present: hasIndicators || dimensions.length > 0 || hasThresholds,
    hasIndicators,
    indicatorWords: hasIndicators ? numberWords(count) : '',
    hasDimensions: dimensions.length > 0,
    dimensionCountWords: dimensions.length > 0 ? numberWords(dimensions.length) : '',
    dimensionsText: joinList(dimensions),
    singleDimension: dimensions.length === 1,
    hasThresholds,
    bandCountWords: hasThresholds ? numberWords(bands.length) : '',
    thresholds: hasThresholds ? thresholds(bands) : [],
    hasPurpose: purpose !== '',
    purpose,
  };
}
