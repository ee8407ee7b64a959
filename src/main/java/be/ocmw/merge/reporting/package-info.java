/**
 * What coordinators read: the workbooks and, later, the HTML reports. For now the shared way of writing a
 * report sheet: a bold, frozen header row with filters, and cells that no spreadsheet will execute.
 */
package be.ocmw.merge.reporting;
