const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A multipart/form-data body as a browser sends it (Node's own FormData, serialised by a Request), for `inject`:
 * `{ payload, headers }`. `file` null sends a form without that field; `field` names the file's field.
 */
export async function multipartUpload(
  file: Buffer | string | null,
  { field = 'file', filename = '导入.xlsx', type = XLSX }: { field?: string; filename?: string; type?: string } = {},
): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  if (file === null) form.append('note', '没有文件');
  else form.append(field, new Blob([file], { type }), filename);
  const request = new Request('http://upload.invalid/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    headers: { 'content-type': request.headers.get('content-type')! },
  };
}
