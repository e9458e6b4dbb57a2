import { dateTime } from './i18n.js';

// Exports are built in the browser: CSV with a BOM (so Excel reads Vietnamese as UTF-8) and a minimal .xlsx.
// A row is an array of cells: numbers, text, or percentCell(ratio); headingRow(...) marks a row to set in bold.

/** A share kept as a ratio, so a spreadsheet shows it as a percentage and can still compute with it. */
export const percentCell = (ratio) => (ratio === null || ratio === undefined || !Number.isFinite(ratio) ? '' : { percent: ratio });

export const headingRow = (cells) => Object.assign(cells, { heading: true });

const isPercent = (v) => typeof v === 'object' && v !== null && 'percent' in v;

export function download(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Comma-separated with decimal points, or, for Excel under Vietnamese regional settings (whose list separator is ";"
 * and decimal separator ","), semicolon-separated with decimal commas: otherwise such an Excel puts a whole row in
 * one cell.
 */
function csvCell(v, separator) {
  const value = isPercent(v) ? Math.round(v.percent * 1000) / 10 : v;
  let text = value === null || value === undefined ? '' : String(value);
  if (separator === ';' && typeof value === 'number') text = text.replace('.', ',');
  return new RegExp(`["${separator}\\r\\n]`).test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvBlob(rows, separator = ',') {
  const text = rows.map((r) => r.map((v) => csvCell(v, separator)).join(separator)).join('\r\n') + '\r\n';
  return new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' });
}

// --- a STORE-only zip writer: .xlsx needs nothing more, and compression is not worth code here ---

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes) {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function dosDateTime(d) {
  const time = (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1);
  const date = ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate();
  return { time, date };
}

export function zip(files) {
  const encoder = new TextEncoder();
  const { time, date } = dosDateTime(new Date());
  const parts = [];
  const central = [];
  let offset = 0;
  for (const file of files) {
    const name = encoder.encode(file.name);
    const data = typeof file.data === 'string' ? encoder.encode(file.data) : file.data;
    const crc = crc32(data);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, 0x0800, true); // names are UTF-8
    local.setUint16(8, 0, true); // stored
    local.setUint16(10, time, true);
    local.setUint16(12, date, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, data.length, true);
    local.setUint32(22, data.length, true);
    local.setUint16(26, name.length, true);
    local.setUint16(28, 0, true);
    parts.push(local, name, data);

    const entry = new DataView(new ArrayBuffer(46));
    entry.setUint32(0, 0x02014b50, true);
    entry.setUint16(4, 20, true);
    entry.setUint16(6, 20, true);
    entry.setUint16(8, 0x0800, true);
    entry.setUint16(10, 0, true);
    entry.setUint16(12, time, true);
    entry.setUint16(14, date, true);
    entry.setUint32(16, crc, true);
    entry.setUint32(20, data.length, true);
    entry.setUint32(24, data.length, true);
    entry.setUint16(28, name.length, true);
    entry.setUint32(42, offset, true);
    central.push(entry, name);
    offset += 30 + name.length + data.length;
  }
  const centralSize = central.reduce((n, p) => n + p.byteLength, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, files.length, true);
  end.setUint16(10, files.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  return new Blob([...parts, ...central, end], { type: 'application/zip' });
}

const xml = (v) => String(v).replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c])
  // XML 1.0 forbids most control characters; a stray one would make Excel refuse the whole file.
  .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');

function columnName(index) {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const cellText = (v) => (isPercent(v) ? `${(v.percent * 100).toFixed(1)}%` : v === null || v === undefined ? '' : String(v));

/** Each column as wide as its longest cell, within reason, so nothing opens as ##### or cut off. */
function columnWidths(rows) {
  const widths = [];
  for (const row of rows) row.forEach((v, c) => { widths[c] = Math.max(widths[c] ?? 8, Math.min(60, cellText(v).length + 2)); });
  return `<cols>${widths.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`;
}

/**
 * One worksheet: the export date first, then the rows. Numbers stay numbers, percentages are ratios shown as 0.0 %
 * (style 2), heading rows are bold (style 1). Strings are inline, so no shared-strings part.
 */
export function xlsxBlob(rows, sheetName = 'Trang 1', exportedAt = '') {
  const all = exportedAt ? [[exportedAt], [], ...rows] : rows;
  const sheetRows = all.map((row, r) => `<row r="${r + 1}">${row.map((v, c) => {
    const ref = `${columnName(c)}${r + 1}`;
    const style = row.heading ? ' s="1"' : '';
    if (isPercent(v)) return `<c r="${ref}" s="2"><v>${v.percent}</v></c>`;
    if (typeof v === 'number' && Number.isFinite(v)) return `<c r="${ref}"${style}><v>${v}</v></c>`;
    if (v === null || v === undefined || v === '') return '';
    return `<c r="${ref}" t="inlineStr"${style}><is><t xml:space="preserve">${xml(v)}</t></is></c>`;
  }).join('')}</row>`).join('');
  const name = xml(sheetName.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Trang 1');
  const files = [
    { name: '[Content_Types].xml', data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>' },
    { name: '_rels/.rels', data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>' },
    { name: 'xl/workbook.xml', data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${name}" sheetId="1" r:id="rId1"/></sheets></workbook>` },
    { name: 'xl/_rels/workbook.xml.rels', data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>' },
    { name: 'xl/styles.xml', data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>' },
    { name: 'xl/worksheets/sheet1.xml', data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${columnWidths(rows)}<sheetData>${sheetRows}</sheetData></worksheet>` },
  ];
  const blob = zip(files);
  return new Blob([blob], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

/**
 * The export buttons every page shows: CSV, CSV for Excel under Vietnamese regional settings, .xlsx and print.
 * `rows()` is called at click time so the data is current.
 */
export function exportButtons(h, t, baseName, rows, sheetName) {
  const exportedAt = () => t('exportedAt', dateTime(new Date().toISOString()));
  return h('div', { class: 'exports no-print' },
    h('button', { type: 'button', 'data-testid': 'export-csv', onclick: () => download(csvBlob(rows()), `${baseName}.csv`) }, t('exportCsv')),
    h('button', { type: 'button', 'data-testid': 'export-csv-semicolon', title: t('exportCsvSemicolonHelp'), onclick: () => download(csvBlob(rows(), ';'), `${baseName}-excel-vn.csv`) }, t('exportCsvSemicolon')),
    h('button', { type: 'button', 'data-testid': 'export-xlsx', onclick: () => download(xlsxBlob(rows(), sheetName, exportedAt()), `${baseName}.xlsx`) }, t('exportXlsx')),
    h('button', { type: 'button', onclick: () => window.print() }, t('print')));
}
