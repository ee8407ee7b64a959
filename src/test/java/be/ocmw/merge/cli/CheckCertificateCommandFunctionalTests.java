package be.ocmw.merge.cli;

import be.ocmw.merge.domain.ExitCode;
import be.ocmw.merge.support.OcmwMergeJar;
import be.ocmw.merge.support.OcmwMergeJar.Run;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/** check-certificate through the real jar: the verdict, its language and the exit code a script relies on. */
class CheckCertificateCommandFunctionalTests {

    @TempDir
    Path workDir;

    @Test
    void aSelfSignedCertificateIsAcceptedForRestAndRefusedForFtpInTheChosenLanguage() throws Exception {
        Path certificate = selfSigned(workDir.resolve("ocmw.cer"));

        Run rest = OcmwMergeJar.in(workDir).run("check-certificate", certificate.toString(), "--channel", "rest");
        Run ftp = OcmwMergeJar.in(workDir).run("check-certificate", certificate.toString(), "--channel", "FTP", "--lang", "fr");

        assertThat(rest.exitCode()).as(rest.output()).isEqualTo(ExitCode.DONE);
        assertThat(rest.out()).contains("Sleutel: RSA 2048 bits").contains("Besluit: AANVAARD");
        assertThat(ftp.exitCode()).as(ftp.output()).isEqualTo(ExitCode.BLOCKED);
        assertThat(ftp.out()).contains("REFUSÉ     Émetteur: auto-signé").contains("Décision : REFUSÉ");
    }

    @Test
    void aMissingFileExits3AndAnUnknownChannelOrLanguageIsAUsageError() {
        Run missing = OcmwMergeJar.in(workDir).run("check-certificate", "nope.cer", "--channel", "rest");
        Run channel = OcmwMergeJar.in(workDir).run("check-certificate", "nope.cer", "--channel", "sftp");
        Run language = OcmwMergeJar.in(workDir).run("check-certificate", "nope.cer", "--channel", "rest", "--lang", "de");

        assertThat(missing.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(missing.err()).contains("there is no file nope.cer").doesNotContain("Exception");
        assertThat(channel.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(channel.err()).contains("unknown channel 'sftp': ftp or rest");
        assertThat(language.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(language.err()).contains("unknown language 'de': nl or fr");
    }

    @Test
    void aFileThatIsNoCertificateExits3SayingWhy() throws Exception {
        Path empty = Files.write(workDir.resolve("empty.cer"), new byte[0]);

        Run run = OcmwMergeJar.in(workDir).run("check-certificate", empty.toString(), "--channel", "rest");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.INPUT);
        assertThat(run.err()).contains("cannot be read as a certificate: the file is empty").doesNotContain("Exception");
    }

    private static Path selfSigned(Path file) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=OCMW Pajottegem");
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(365))), name, pair.getPublic());
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        byte[] encoded = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())).getEncoded();
        return Files.write(file, encoded);
    }
}
