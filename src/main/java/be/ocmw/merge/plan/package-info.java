/**
 * The merger itself: {@code plan} works out everything a merger does to access management (SPEC 5.1–5.3)
 * and changes nothing; it stores every planned change as a row, with its findings and a fingerprint over
 * the content that a coordinator approves. {@code apply} executes a plan as a resumable Spring Batch job:
 * each change is idempotent and audited, a killed apply is finished by running it again, and the source
 * organisations are fingerprinted before and after to prove they were not touched.
 */
package be.ocmw.merge.plan;
