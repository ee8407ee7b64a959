package be.ocmw.merge.chaman;

import be.ocmw.merge.domain.Readable;

import java.util.Locale;

/** The ChaMan channel a certificate is for: only REST accepts a self-signed certificate. */
public enum Channel {
    FTP, REST;

    /** Reads {@code ftp} or {@code rest}, any case; names the bad value when it is neither. */
    public static Channel of(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown channel '" + Readable.shorten(value) + "': ftp or rest");
        }
    }
}
