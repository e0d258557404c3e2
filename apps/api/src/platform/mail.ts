import nodemailer, { type Transporter } from 'nodemailer';
import type { Database } from './database/database';

export interface MailMessage {
  tenantId: string | null;
  to: string;
  subject: string;
  text: string;
  attachments?: Array<{ filename: string; content: Buffer; contentType: string }>;
}

export interface Mailer {
  /** Sends one message; throws when the mail server refuses it or cannot be reached. */
  send(message: MailMessage): Promise<void>;
  readonly mode: 'smtp' | 'outbox';
}

/**
 * E-mail through a real SMTP server (SMTP_URL). Without one, outside production, messages go to the
 * development outbox table, shown at /beheer/outbox, so the whole flow can be followed in a demo.
 */
export function createMailer(
  settings: { smtpUrl: string | undefined; from: string; production: boolean },
  db: Database,
): Mailer {
  if (settings.smtpUrl) {
    const transport: Transporter = nodemailer.createTransport(settings.smtpUrl);
    return {
      mode: 'smtp',
      async send(m) {
        await transport.sendMail({
          from: settings.from,
          to: m.to,
          subject: m.subject,
          text: m.text,
          attachments: m.attachments,
        });
      },
    };
  }
  if (settings.production) {
    return {
      mode: 'smtp',
      send() {
        return Promise.reject(new Error('no SMTP server configured (SMTP_URL)'));
      },
    };
  }
  return {
    mode: 'outbox',
    async send(m) {
      await db.inSystem((tx) =>
        tx
          .insertInto('outbox_message')
          .values({
            tenant_id: m.tenantId,
            recipient: m.to,
            subject: m.subject,
            text_body: m.text,
            attachment_names: (m.attachments ?? []).map((a) => a.filename),
          })
          .execute(),
      );
    },
  };
}
