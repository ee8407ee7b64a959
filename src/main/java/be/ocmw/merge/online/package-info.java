/**
 * OCMW Online: citizens' help requests addressed to an OCMW. Loading the request export (SPEC 4.3)
 * idempotently. Linking the requests of the disappearing OCMWs to the merged one from its effective date (the
 * history of who handled them kept) is planned and applied by {@code plan} ({@code OnlineRequestTasklet}).
 */
package be.ocmw.merge.online;
