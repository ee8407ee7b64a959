/**
 * OCMW Online: citizens' help requests addressed to an OCMW. Loading the request export (SPEC 4.3) idempotently, and
 * the requests' part of a merger ({@link be.ocmw.merge.online.OnlineMergerPart}, SPEC 5.5): the requests of the
 * disappearing OCMWs linked to the merged one from its effective date, the history of who handled them kept (stored
 * under a plan in {@code plan_online_request}, applied by {@code onlineRequestStep}), and for the reconciliation the
 * requests still not linked. Owns {@code online_request}, {@code online_request_link} and {@code plan_online_request}.
 */
package be.ocmw.merge.online;
