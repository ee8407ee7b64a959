package be.ocmw.merge.merger;

import be.ocmw.merge.reporting.ReportText;

import java.util.Locale;

/** How the coordinator reports are written: in Dutch or French, and with the INSZ masked unless asked otherwise. */
public record ReportOptions(Locale language, boolean fullInsz) {

    public static final ReportOptions DEFAULT = new ReportOptions(ReportText.DUTCH, false);
}
