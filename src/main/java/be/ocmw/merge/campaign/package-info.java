/**
 * Asking the OCMWs (SPEC 4.6): each participant's pre-filled workbook mailed to it (its registry contact, else its
 * current HTB as loaded), reminders before the deadline to those that sent nothing, and the day after it one mail to
 * the merger's notify list naming who is missing or late. Every mail goes through the outbox and is a consultation of
 * personal data; what was sent to whom, and when, is in {@code campaign_mail}, which this module owns.
 */
package be.ocmw.merge.campaign;
