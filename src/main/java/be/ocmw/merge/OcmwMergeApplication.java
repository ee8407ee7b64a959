package be.ocmw.merge;

import be.ocmw.merge.cli.OcmwMergeCli;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Spring application behind the commands that need the database. {@link #main} is the command line:
 * it answers what needs no database (help, the registry) without starting Spring at all.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OcmwMergeApplication {

    public static void main(String[] args) {
        System.exit(OcmwMergeCli.run(OcmwMergeApplication.class, args));
    }
}
