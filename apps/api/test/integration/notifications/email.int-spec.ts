import type { GoalForm, NotificationEmailSettings } from '@jxt/contracts';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import type { LoadedTenant } from '../../../src/seeds/load-tenant';
import { login, seedSongjiang, startTestApp, type TestApp } from '../../support/test-app';

interface Mail {
  from: string;
  to: string[];
  raw: string;
}

/** A header's value with its RFC 2047 encoded words decoded (nodemailer encodes a Chinese subject). */
function header(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  const value = new RegExp(`^${name}: (.*)$`, 'mi').exec(head)?.[1] ?? '';
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, kind: string, text: string) =>
      kind.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, '%$1'), 'latin1').toString('utf8'),
    )
    .replace(/%([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The text body, decoded from base64 or quoted-printable. */
function body(raw: string): string {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const text = rest.join('\n\n');
  const encoding = /^Content-Transfer-Encoding: (.*)$/im.exec(head)?.[1].trim().toLowerCase();
  if (encoding === 'base64') return Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => `%${hex}`);
    return decodeURIComponent(bytes);
  }
  return text;
}

/**
 * Optional e-mail of 消息提醒 through SMTP (nodemailer), against an SMTP server in this process (smtp-server): no
 * outside service. Only users who gave an address get mail; each message is mailed once.
 */
describe('消息提醒 by e-mail when SMTP is configured', () => {
  let t: TestApp;
  let smtp: SMTPServer;
  let tenant: LoadedTenant;
  const mails: Mail[] = [];
  const auth: Record<string, string> = {};

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          mails.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const { port } = smtp.server.address() as AddressInfo;
    t = await startTestApp({
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(port),
      SMTP_SECURE: 'false',
      SMTP_FROM: '绩效通 <noreply@jxt.test>',
      APP_PUBLIC_URL: 'https://jxt.example.gov.cn/',
    });
    tenant = await seedSongjiang(t.ownerUrl, 'm');
    for (const who of ['filer', 'supervisor', 'admin']) auth[who] = (await login(t.app, `m-${who}`)).authorization;
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  const setEmail = (who: string, email: unknown) =>
    t.app.inject({
      method: 'PUT',
      url: '/api/notifications/email',
      headers: { authorization: auth[who] },
      payload: { email },
    });

  it('keeps each user’s own address, checked at the field', async () => {
    const bad = await setEmail('supervisor', 'not-an-address');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ fields: { field: string; message: string }[] }>().fields[0]).toMatchObject({
      field: 'email',
      message: '邮箱格式不正确',
    });
    expect((await setEmail('supervisor', 'li.min@kw.example.gov.cn')).json<NotificationEmailSettings>()).toEqual({
      email: 'li.min@kw.example.gov.cn',
      enabled: true,
    });
    const mine = await t.app.inject({
      method: 'GET',
      url: '/api/notifications/email',
      headers: { authorization: auth.filer },
    });
    expect(mine.json<NotificationEmailSettings>()).toEqual({ email: null, enabled: true });
  });

  it('mails the next actor who gave an address, once, with the message and a link to the form', async () => {
    const formId = tenant.forms[0].id;
    const form = (
      await t.app.inject({ method: 'GET', url: `/api/forms/${formId}`, headers: { authorization: auth.filer } })
    ).json<GoalForm>();
    const submitted = await t.app.inject({
      method: 'POST',
      url: `/api/forms/${formId}/transitions`,
      headers: { authorization: auth.filer },
      payload: { action: 'submit', filerName: 'm 填报人', filerPhone: '021-57820101', rowVersion: form.rowVersion },
    });
    expect(submitted.statusCode).toBe(200);

    for (let i = 0; i < 150 && !mails.length; i++) await new Promise((r) => setTimeout(r, 100));
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail.to).toEqual(['li.min@kw.example.gov.cn']);
    expect(mail.from).toBe('noreply@jxt.test');
    expect(header(mail.raw, 'Subject')).toBe('【绩效通】待审核');
    const text = body(mail.raw);
    expect(text).toContain(`提交了“${form.project.name}”2021年绩效目标表，请审核`);
    expect(text).toContain(`查看：https://jxt.example.gov.cn/forms/${formId}`);

    // Marked as mailed; nothing is sent twice however long the runner keeps going.
    await new Promise((r) => setTimeout(r, 2500));
    expect(mails).toHaveLength(1);
    const owner = new Client({ connectionString: t.ownerUrl });
    await owner.connect();
    try {
      const { rows } = await owner.query<{ emailed: boolean }>(
        `SELECT emailed_at IS NOT NULL AS emailed FROM notification n JOIN app_user u ON u.id = n.user_id
         WHERE u.username = 'm-supervisor'`,
      );
      expect(rows).toEqual([{ emailed: true }]);
    } finally {
      await owner.end();
    }
  });
});
