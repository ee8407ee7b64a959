/**
 * The HTB submissions that Vlaanderen collects from every merging OCMW in Excel (SPEC 4.4): who will be the merged
 * OCMW's main access manager and access managers per domain. The intake checks every row, keeps the latest submission
 * per OCMW, records the disagreements and gaps the planner must know about (as findings), and hands coordinators an
 * annotated copy of each workbook to send back. {@code template} writes the blank workbook. The planner reads what
 * the intake knows through {@link be.ocmw.merge.intake.Designations} only; the submission tables are the intake's.
 */
package be.ocmw.merge.intake;
