/**
 * Communications: message templates per purpose (the playbook's steps, incidents), channel
 * and language; replies to customers through a transactional outbox sent by SMTP once,
 * with retries while the mail server is down; customer updates delivered by email; the
 * customer's email replies (IMAP polling or a webhook) joining their case, other mail
 * opening a complaint, auto-replies and bounces set aside; the files customers send
 * ({@link org.redress.communications.Attachments}), for staff to see on the case page and download; and the tone coach that
 * reviews a draft before it is sent. {@link org.redress.communications.CustomerNotices} queues
 * messages that are not replies on a case (incident notices, survey invitations), many at once;
 * {@link org.redress.communications.StaffMail} queues mail to the people who work in Redress (the
 * weekly insights digest) through the same outbox.
 * Listens to {@code CasesMerged}: a duplicate's mail, sent and received, moves to the case it
 * was merged into, so replies threading on our messages join that case.
 */
@NullMarked
package org.redress.communications;

import org.jspecify.annotations.NullMarked;
