/**
 * Reading the files other systems produce, as tables, one row at a time: CSV in UTF-8 (with or without
 * BOM) or Windows-1252 with {@code ;} or {@code ,} as separator, and {@code .xlsx} sheets whose XML is
 * read as it inflates from the package POI opens, so that no workbook is ever held in memory. Headers are matched in Dutch or
 * French, whatever their case, accents or spacing. A file that cannot be read at all (damaged, encrypted,
 * an old {@code .xls}, a missing sheet or column) is refused whole with one clear message; rows are
 * handed on as text for the features to accept or reject.
 */
package be.ocmw.merge.input;
