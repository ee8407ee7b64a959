package be.ocmw.merge.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.util.Map;

/**
 * The dashboard's settings: who may log in (name, bcrypt hash, COORDINATOR or OPERATOR), where the reports are
 * written and read, where uploads are kept and how large one may be, and whether this is the demo.
 */
@ConfigurationProperties("ocmw.web")
public record WebSettings(Map<String, User> users, Path reports, Path uploads, DataSize maxUpload, boolean demo) {

    public WebSettings {
        users = users == null ? Map.of() : Map.copyOf(users);
        maxUpload = maxUpload == null ? DataSize.ofMegabytes(10) : maxUpload;
    }

    /** A dashboard user: {@code password} is a bcrypt hash ({@code {bcrypt}$2a$…}), never the password itself. */
    public record User(String password, String role) {
    }
}
