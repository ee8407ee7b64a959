/**
 * The dashboard that {@code serve} puts beside the scheduler: server-rendered pages in Dutch or French where
 * coordinators see where every merger stands (standing, findings, checklist, submissions, runs, last night's
 * drift) and download the reports, and where operators also upload HTB submissions, plan, apply an approved
 * fingerprint and reconcile. Form login with users and roles from configuration (bcrypt hashes only); a
 * coordinator reads, an operator acts; INSZ are masked for coordinators. Hardened as a page on the open network:
 * a Content-Security-Policy without inline code, a same-origin referrer, a SameSite session cookie, and
 * failed logins throttled per name and per address.
 */
package be.ocmw.merge.web;
