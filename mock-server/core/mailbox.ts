/**
 * The mock portal's outgoing email: what the portal "sends" (the emailed sign-in code, the code that
 * confirms a new email address, the notice to the old address) lands in the sandbox's mailbox, which
 * QA reads with `GET /__admin/mailbox?to=<address>`. The codes are the mock portal's emailed code
 * ({@link PERSONA_MFA_CODE}, documented in `GET /__admin/personas`), as for sign-in. Only the sandbox
 * keeps these messages; they carry no member data.
 */
import { appendBounded } from './bounded-log.ts';
import type { SandboxState } from './types.ts';

/**
 * `o*****r@example.com`: the first and last letters of the local part.
 *
 * @example
 * maskEmail('olivia@example.com'); // 'o*****a@example.com'
 */
export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  if (at <= 0) return '*****';
  const local = email.slice(0, at);
  return `${local[0]}*****${local.length > 1 ? local[local.length - 1] : ''}${email.slice(at)}`;
}

/** The most messages a sandbox keeps (the oldest are forgotten). */
export const MAILBOX_LIMIT = 1_000;

/** One email the portal sent. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** The code the email carries, when it carries one. */
  code?: string;
  sentAt: string;
}

const MAILBOXES = new WeakMap<SandboxState, MailMessage[]>();

/** The messages of a sandbox, oldest first. */
export function mailboxOf(sandbox: SandboxState): MailMessage[] {
  let messages = MAILBOXES.get(sandbox);
  if (messages === undefined) {
    messages = [];
    MAILBOXES.set(sandbox, messages);
  }
  return messages;
}

/**
 * Sends one email (into the sandbox's mailbox), stamped with the sandbox clock.
 *
 * @example
 * sendEmail(sandbox, { to: 'new@example.com', subject: 'Confirm', text: 'Your code is 246810', code: '246810' });
 */
export function sendEmail(sandbox: SandboxState, message: Omit<MailMessage, 'sentAt'>): MailMessage {
  const sent: MailMessage = { ...message, sentAt: sandbox.clock.now().toISOString() };
  appendBounded(mailboxOf(sandbox), sent, MAILBOX_LIMIT);
  return sent;
}

/**
 * The messages sent to an address (compared without case), newest first; all when `to` is null.
 *
 * @example
 * messagesTo(sandbox, 'new@example.com')[0]?.code; // '246810'
 */
export function messagesTo(sandbox: SandboxState, to: string | null): MailMessage[] {
  const wanted = to?.toLowerCase();
  return mailboxOf(sandbox)
    .filter((message) => wanted === undefined || message.to.toLowerCase() === wanted)
    .reverse();
}
