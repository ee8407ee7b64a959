/**
 * Access management (Toegangsbeheer) as the portal exports it: per organisation and domain, the users
 * with their type, status and secured applications, and per organisation its main access managers.
 * Loading a domain again replaces its snapshot (the old one is kept), so reloading is idempotent; the
 * current state is exported in the same format. The merger's plan and apply build on these accounts.
 */
package be.ocmw.merge.access;
