/**
 * OCMW Online: citizens' help requests addressed to an OCMW. Loading the request export (SPEC 4.3)
 * idempotently, and, in the merger, linking the requests of the disappearing OCMWs to the merged one from
 * its effective date while keeping the history of who handled them.
 */
package be.ocmw.merge.online;
