// 发文字号: issuer code + year in 〔〕 + serial + 号. The seeds write the year in 〔〕, [] or （）
// and put spaces inside (兴署联发〔2022〕1 号); the contract writes 〔〕 and no spaces.

const OPEN = '〔［\\[（(【';
const CLOSE = '〕］\\]）)】';
/** Issuer code, year, serial. The code is one to twelve Han characters (通政办发, 内政办发, 通辽通告). */
export const DOC_NUMBER = new RegExp(`([\\u4e00-\\u9fff]{1,12})\\s*[${OPEN}]\\s*(\\d{4})\\s*[${CLOSE}]\\s*(\\d{1,5})\\s*号`);
const DOC_NUMBER_AT_START = new RegExp(`^${DOC_NUMBER.source}`);

export function formatDocNumber(code: string, year: string, serial: string): string {
  return `${code}〔${year}〕${Number(serial)}号`;
}

/** The document number at the very start of `text` and what follows it, or null. */
export function docNumberAtStart(text: string): { docNumber: string; rest: string } | null {
  if (!text.includes('号')) return null;
  const m = DOC_NUMBER_AT_START.exec(text);
  if (!m) return null;
  return { docNumber: formatDocNumber(m[1]!, m[2]!, m[3]!), rest: text.slice(m[0].length).trim() };
}

/** Normalises a document number written any of the usual ways; returns the input when it is not one. */
export function normalizeDocNumber(text: string): string {
  const cleaned = text.replace(/\s+/g, '');
  const m = DOC_NUMBER_AT_START.exec(cleaned);
  return m ? formatDocNumber(m[1]!, m[2]!, m[3]!) : cleaned;
}
