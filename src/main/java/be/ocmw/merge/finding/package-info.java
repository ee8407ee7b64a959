/**
 * Findings: what a coordinator should know about a merger, one type ({@link be.ocmw.merge.finding.Finding}) for what
 * the intake finds in the submissions and what a plan finds in the data, with its {@link be.ocmw.merge.finding.Severity}.
 * {@link be.ocmw.merge.finding.Findings} owns the {@code finding} table: the intake records its findings of a merger
 * there, a plan stores its own under its id, and both are read back through it. A new finding is a code, a severity
 * and a message {@code finding.<message>} in the report bundles (Dutch, French, English).
 */
package be.ocmw.merge.finding;
