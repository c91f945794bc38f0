import { PayloadTooLargeException } from '@nestjs/common';
import yauzl from 'yauzl';
import { badRequestForFields } from '../../common/http/validation';

/** What a workbook may inflate to in all (exceljs holds every part in memory): far above any real 填报表 workbook. */
export const MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
/** Parts of the zip: a workbook has a dozen besides one per sheet. */
export const MAX_ZIP_ENTRIES = 5000;
/** Sheets of one workbook: a bulk export of 1,000 forms and its summary sheet fit. */
export const MAX_SHEETS = 1100;

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b]);
// The stream names of an encrypted OOXML package (MS-OFFCRYPTO), as an OLE directory stores them: UTF-16LE.
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');
const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;

const refuse = (message: string) => badRequestForFields([{ field: 'file', message }]);
const NOT_XLSX = '不是有效的 .xlsx 文件：请在 Excel 或 WPS 中另存为 .xlsx 后再导入';
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/**
 * Checks an uploaded file before exceljs reads it (issue 13 point 6), so that no file costs minutes of CPU or
 * gigabytes of memory: a password-protected workbook (an OLE file holding an EncryptedPackage) or an old .xls is a 400
 * saying so; then, from the zip's central directory alone, too many parts or sheets is a 400 and more than
 * MAX_UNCOMPRESSED_BYTES stated a 413; finally every part is inflated (and dropped) with yauzl, which stops at the
 * first part that inflates to more than its header states, and the total is bounded again — a zip bomb with lying
 * headers is refused after at most MAX_UNCOMPRESSED_BYTES of inflating.
 */
export async function checkWorkbookFile(file: Buffer): Promise<void> {
  if (file.subarray(0, OLE_MAGIC.length).equals(OLE_MAGIC)) {
    if (file.includes(ENCRYPTED_PACKAGE))
      throw refuse(
        '文件设置了密码保护（已加密），无法读取：请在 Excel 或 WPS 中打开，取消“用密码进行加密”后另存为 .xlsx，再导入',
      );
    throw refuse('这是旧版 .xls（或其他 Office）文件，不是 .xlsx：请在 Excel 或 WPS 中另存为 .xlsx 后再导入');
  }
  if (!file.subarray(0, 2).equals(ZIP_MAGIC)) throw refuse(NOT_XLSX);

  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(file, { lazyEntries: true, validateEntrySizes: true });
  } catch {
    throw refuse(NOT_XLSX);
  }
  try {
    const entries: yauzl.Entry[] = [];
    let stated = 0;
    let sheets = 0;
    // The central directory alone: names and stated sizes, nothing inflated (its length is bounded by the file's).
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
      entries.push(entry);
      stated += entry.uncompressedSize;
      if (SHEET_PART.test(entry.fileName)) sheets += 1;
    }
    if (sheets > MAX_SHEETS)
      throw refuse(`工作簿有 ${sheets} 个工作表，超过一次导入的上限 ${MAX_SHEETS} 个：请拆分为几个工作簿分次导入`);
    if (entries.length > MAX_ZIP_ENTRIES)
      throw refuse(`文件包含 ${entries.length} 个部件，超过上限 ${MAX_ZIP_ENTRIES} 个，不像是 Excel 工作簿，未读取`);
    if (stated > MAX_UNCOMPRESSED_BYTES) throw tooLargeInflated();

    let inflated = 0;
    for (const entry of entries) {
      const stream = await zip.openReadStreamPromise(entry);
      try {
        for await (const chunk of stream) {
          inflated += (chunk as Buffer).length;
          if (inflated > MAX_UNCOMPRESSED_BYTES) throw tooLargeInflated();
        }
      } catch (err) {
        stream.destroy();
        if (err instanceof PayloadTooLargeException) throw err;
        // yauzl: a part larger than its header says, a bad checksum, a broken deflate stream.
        throw refuse(`${NOT_XLSX}（文件内容与其目录不符，可能已损坏或被篡改）`);
      }
    }
  } finally {
    zip.close();
  }
}

const tooLargeInflated = () =>
  new PayloadTooLargeException(
    `文件解压后超过 ${mb(MAX_UNCOMPRESSED_BYTES)}，未读取：这不像是正常的填报表工作簿（可能是压缩炸弹），请检查文件`,
  );

function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | null> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    const onEntry = (entry: yauzl.Entry) => {
      cleanup();
      resolve(entry);
    };
    const onEnd = () => {
      cleanup();
      resolve(null);
    };
    const onError = () => {
      cleanup();
      reject(refuse(NOT_XLSX));
    };
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}
