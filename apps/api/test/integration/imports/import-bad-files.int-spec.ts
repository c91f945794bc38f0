import archiver from 'archiver';
import * as CFB from 'cfb';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { Readable } from 'node:stream';
import { login, seedSongjiang, startSecondApp, startTestApp, type TestApp } from '../../support/test-app';
import { multipartUpload } from '../../support/upload';

interface Refusal {
  statusCode: number;
  message: string;
  fields?: { field: string; message: string }[];
}
interface PreviewSheet {
  funds: Record<string, string | null>;
  problems: { row: number; column: string; severity: string; message: string }[];
}

const MB = 1024 * 1024;

/** A zip of the given entries, deflated as Excel writes them, streamed (a large entry never sits in memory). */
async function zipOf(entries: { name: string; bytes: number | Buffer }[]): Promise<Buffer> {
  const archive = archiver('zip', { zlib: { level: 9 } });
  const chunks: Buffer[] = [];
  archive.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    archive.on('end', resolve);
    archive.on('error', reject);
  });
  for (const { name, bytes } of entries) {
    if (Buffer.isBuffer(bytes)) archive.append(bytes, { name });
    else {
      // `bytes` of spaces in 1 MB chunks: XML whitespace, deflated more than 1000 to 1.
      let left = bytes;
      const zeros = Buffer.alloc(MB, 0x20);
      archive.append(
        new Readable({
          read() {
            const size = Math.min(left, MB);
            left -= size;
            this.push(size ? zeros.subarray(0, size) : null);
          },
        }),
        { name },
      );
    }
  }
  await archive.finalize();
  await done;
  return Buffer.concat(chunks);
}

/** A real workbook of `count` sheets: exceljs writes one, its sheet part is listed `count` times. */
async function workbookOfSheets(count: number): Promise<Buffer> {
  const one = new ExcelJS.Workbook();
  one.addWorksheet('表1').getCell('A1').value = '财政项目支出绩效目标填报表';
  const zip = await JSZip.loadAsync(await one.xlsx.writeBuffer());
  const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  const sheets: string[] = [];
  const rels: string[] = [];
  const types: string[] = [];
  for (let i = 1; i <= count; i++) {
    zip.file(`xl/worksheets/sheet${i}.xml`, sheetXml);
    sheets.push(`<sheet name="表${i}" sheetId="${i}" r:id="rIdS${i}"/>`);
    rels.push(
      `<Relationship Id="rIdS${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i}.xml"/>`,
    );
    types.push(
      `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    );
  }
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  zip.file('xl/workbook.xml', workbook.replace(/<sheets>.*<\/sheets>/s, `<sheets>${sheets.join('')}</sheets>`));
  const workbookRels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  zip.file(
    'xl/_rels/workbook.xml.rels',
    workbookRels
      .replace(/<Relationship [^>]*worksheets\/sheet1\.xml"\/>/, '')
      .replace('</Relationships>', `${rels.join('')}</Relationships>`),
  );
  const contentTypes = await zip.file('[Content_Types].xml')!.async('string');
  zip.file(
    '[Content_Types].xml',
    contentTypes
      .replace(/<Override PartName="\/xl\/worksheets\/sheet1\.xml"[^>]*\/>/, '')
      .replace('</Types>', `${types.join('')}</Types>`),
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('POST /api/imports: bad files get clear answers, never a 500 (issue 13 point 6)', () => {
  let t: TestApp;
  let filer: string;

  beforeAll(async () => {
    // The size limit is a setting: 1 MB here (default 10).
    t = await startTestApp({ IMPORT_MAX_MB: '1' });
    await seedSongjiang(t.ownerUrl, 'ibf');
    ({ authorization: filer } = await login(t.app, 'ibf-filer'));
  });
  afterAll(() => t.close());

  async function preview(file: Buffer, type?: string) {
    const { payload, headers } = await multipartUpload(file, { type });
    return t.app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { ...headers, authorization: filer },
      payload,
    });
  }
  const refusal = (response: { json: <T>() => T }) => response.json<Refusal>();

  it('refuses a file over the set limit (1 MB here) with 413 naming the limit, and reads none of it', async () => {
    const response = await preview(Buffer.alloc(MB + 1, 0x41));
    expect(response.statusCode).toBe(413);
    expect(refusal(response).message).toContain('1 MB');
    // Just under the limit it is read (and is no workbook).
    expect((await preview(Buffer.alloc(MB - 1024, 0x41))).statusCode).toBe(400);
    // The pages say the same limit before a file is chosen.
    const limits = await t.app.inject({ method: 'GET', url: '/api/imports/limits', headers: { authorization: filer } });
    expect(limits.json()).toEqual({ maxBytes: MB });
  });

  it('refuses what is not an .xlsx with 400 naming file: text, a PDF, an old .xls (an OLE file without a password)', async () => {
    const xls = CFB.utils.cfb_new();
    CFB.utils.cfb_add(xls, 'Workbook', Buffer.from('BIFF8'));
    for (const file of [
      Buffer.from('项目名称,市民服务\n'),
      Buffer.from('%PDF-1.4 not a workbook'),
      Buffer.from(CFB.write(xls, { type: 'buffer' }) as Uint8Array),
    ]) {
      const response = await preview(file);
      expect(response.statusCode).toBe(400);
      expect(refusal(response).fields?.map((f) => f.field)).toEqual(['file']);
      expect(refusal(response).fields?.[0].message).toContain('.xlsx');
    }
  });

  it('refuses a password-protected workbook (an encrypted OLE package) with 400 saying so in Chinese', async () => {
    // What Excel and WPS save for 用密码进行加密: an OLE compound file with EncryptionInfo and EncryptedPackage.
    const encrypted = CFB.utils.cfb_new();
    CFB.utils.cfb_add(encrypted, 'EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
    CFB.utils.cfb_add(encrypted, 'EncryptedPackage', Buffer.alloc(4096, 7));
    const response = await preview(Buffer.from(CFB.write(encrypted, { type: 'buffer' }) as Uint8Array));
    expect(response.statusCode).toBe(400);
    const [field] = refusal(response).fields ?? [];
    expect(field.field).toBe('file');
    expect(field.message).toContain('密码保护');
  });

  it('names a formula without a saved result, or with an error value, at its cell; the amount is not taken', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('公式');
    sheet.addRows([
      ['2021年度项目支出绩效目标申报表'],
      ['项目名称', '公式项目'],
      ['资金情况', '金额（元）'],
      ['资金总额', 1000, '年度资金总额', null],
      ['其中：财政资金', 1000, '其中：当年财政拨款', null],
      ['其他资金', 0, '上年结转资金', 0],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '培训次数', null],
    ]);
    // Written by a program that saved no result (exceljs evaluates no formula), and one that saved an error.
    sheet.getCell('D4').value = { formula: 'D5+D6' } as ExcelJS.CellFormulaValue;
    sheet.getCell('D5').value = { formula: 'B5/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
    sheet.getCell('D8').value = {
      formula: 'VLOOKUP(A1,Z:Z,2,FALSE)',
      result: { error: '#N/A' },
    } as ExcelJS.CellFormulaValue;
    const response = await preview(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(response.statusCode).toBe(200);
    const [form] = response.json<{ forms: PreviewSheet[] }>().forms;
    expect(form.funds).toMatchObject({ totalAmount: '1000.00', annualAmount: null, annualFiscalAmount: null });
    const at = (cell: string) => form.problems.filter((p) => `${p.column}${p.row}` === cell);
    expect(at('D4')).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringContaining('没有保存计算结果') }),
    ]);
    expect(at('D5')).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringContaining('#DIV/0!') }),
    ]);
    expect(at('D8')).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringContaining('#N/A') }),
    ]);
  });

  it('refuses a zip bomb before inflating it: 600 MB of one part in a file under 1 MB', async () => {
    const bomb = await zipOf([
      { name: '[Content_Types].xml', bytes: Buffer.from('<Types/>') },
      { name: 'xl/worksheets/sheet1.xml', bytes: 600 * MB },
    ]);
    expect(bomb.length).toBeLessThan(MB);
    const started = Date.now();
    const response = await preview(bomb);
    expect(response.statusCode).toBe(413);
    expect(refusal(response).message).toContain('解压');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses a zip whose headers understate what it inflates to, once it passes the stated limit', async () => {
    const bomb = await zipOf([{ name: 'xl/worksheets/sheet1.xml', bytes: 300 * MB }]);
    // Each size field of the entry (local header at 22, central directory at 24) says 1,000 bytes.
    const lying = Buffer.from(bomb);
    const central = lying.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    lying.writeUInt32LE(1000, central + 24);
    lying.writeUInt32LE(1000, 22);
    const response = await preview(lying);
    expect([400, 413]).toContain(response.statusCode);
    expect(refusal(response).message).toBeTruthy();
  });

  it('refuses a zip of too many parts, and a workbook of 10,000 sheets, with a message and in seconds', async () => {
    const many = await zipOf(Array.from({ length: 5_001 }, (_, i) => ({ name: `x/${i}`, bytes: Buffer.alloc(0) })));
    expect(many.length).toBeLessThan(MB);
    const parts = await preview(many);
    expect(parts.statusCode).toBe(400);
    expect(refusal(parts).fields?.[0]).toMatchObject({ field: 'file', message: expect.stringContaining('5001') });

    // 10,000 sheets take 6 MB: read by a second process with the default limit (10 MB).
    const file = await workbookOfSheets(10_000);
    expect(file.length).toBeGreaterThan(MB);
    const second = await startSecondApp(t);
    try {
      const { payload, headers } = await multipartUpload(file);
      const started = Date.now();
      const response = await second.inject({
        method: 'POST',
        url: '/api/imports',
        headers: { ...headers, authorization: filer },
        payload,
      });
      expect(response.statusCode).toBe(400);
      expect(refusal(response).fields?.[0]).toMatchObject({
        field: 'file',
        message: expect.stringContaining('10000 个工作表') as unknown as string,
      });
      // Counted from the zip's directory: exceljs took 19 s to load this file before.
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await second.close();
    }
  }, 60_000);
});
