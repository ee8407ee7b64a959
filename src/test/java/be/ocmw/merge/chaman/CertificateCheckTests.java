package be.ocmw.merge.chaman;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** ChaMan's rules on certificates made in the test: each case gets the right verdict per rule, in Dutch and French. */
class CertificateCheckTests {

    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    static final CertificateCheck CHECK = new CertificateCheck(Clock.fixed(NOW, ZoneOffset.UTC));
    static final KeyPair CA = rsa(2048);

    @TempDir
    Path folder;

    @Test
    void aCaSignedRsa2048Sha256CertificateWithDigitalSignatureIsAcceptedForBothChannelsInDerAndPem() throws Exception {
        X509Certificate certificate = issued(rsa(2048), "SHA256withRSA", KeyUsage.digitalSignature);

        CertificateVerdict der = CHECK.check(der(certificate, "ocmw.cer"), Channel.FTP);
        CertificateVerdict pem = CHECK.check(pem(certificate, "ocmw-pem.cer"), Channel.REST);

        assertThat(der.accepted()).as(der.describe(Locale.ROOT)).isTrue();
        assertThat(pem.accepted()).isTrue();
        assertThat(messages(der)).containsEntry("format", "format.der").containsEntry("key", "key.rsa.ok");
        assertThat(messages(pem)).containsEntry("format", "format.pem");
        assertThat(der.describe(Locale.forLanguageTag("nl-BE"))).contains("RSA 2048 bits").contains("AANVAARD");
        assertThat(pem.describe(Locale.forLanguageTag("fr-BE"))).contains("ACCEPTÉ");
    }

    @Test
    void rsa1024IsRefusedForItsKeySize() throws Exception {
        CertificateVerdict verdict = CHECK.check(der(issued(rsa(1024), "SHA256withRSA", KeyUsage.digitalSignature), "a.cer"),
                Channel.REST);

        assertThat(verdict.accepted()).isFalse();
        assertThat(refused(verdict)).containsExactly("key");
        assertThat(verdict.describe(Locale.forLanguageTag("nl-BE"))).contains("RSA 1024 bits: ChaMan aanvaardt alleen");
    }

    @Test
    void sha1IsRefusedForItsSignature() throws Exception {
        CertificateVerdict verdict = CHECK.check(der(issued(rsa(2048), "SHA1withRSA", KeyUsage.digitalSignature), "a.cer"),
                Channel.REST);

        assertThat(refused(verdict)).containsExactly("signature");
        assertThat(verdict.describe(Locale.forLanguageTag("fr-BE"))).contains("SHA1withRSA : ChaMan n'accepte que");
    }

    @Test
    void ecOnP256IsRefusedAndOnP384Accepted() throws Exception {
        CertificateVerdict p256 = CHECK.check(der(issued(ec("secp256r1"), "SHA256withECDSA", KeyUsage.digitalSignature), "a.cer"),
                Channel.REST);
        CertificateVerdict p384 = CHECK.check(der(issued(ec("secp384r1"), "SHA384withECDSA", KeyUsage.digitalSignature), "b.cer"),
                Channel.REST);

        assertThat(refused(p256)).containsExactly("key");
        assertThat(p256.describe(Locale.forLanguageTag("nl-BE"))).contains("curve van 256 bits");
        assertThat(p384.accepted()).isTrue();
        assertThat(p384.describe(Locale.forLanguageTag("nl-BE"))).contains("EC op de curve P-384");
    }

    @Test
    void aSelfSignedCertificateIsRefusedForFtpAndAcceptedForRest() throws Exception {
        Path file = der(selfSigned(rsa(2048), KeyUsage.digitalSignature), "self.cer");

        CertificateVerdict ftp = CHECK.check(file, Channel.FTP);
        CertificateVerdict rest = CHECK.check(file, Channel.REST);

        assertThat(refused(ftp)).containsExactly("issuer");
        assertThat(rest.accepted()).isTrue();
        assertThat(messages(rest)).containsEntry("issuer", "issuer.self.rest");
    }

    @Test
    void aCertificateWithoutDigitalSignatureIsRefused() throws Exception {
        CertificateVerdict wrongUsage = CHECK.check(der(issued(rsa(2048), "SHA256withRSA", KeyUsage.keyEncipherment), "a.cer"),
                Channel.REST);
        CertificateVerdict noUsage = CHECK.check(der(issued(rsa(2048), "SHA256withRSA", -1), "b.cer"), Channel.REST);

        assertThat(refused(wrongUsage)).containsExactly("usage");
        assertThat(messages(wrongUsage)).containsEntry("usage", "usage.missing");
        assertThat(messages(noUsage)).containsEntry("usage", "usage.none");
    }

    @Test
    void aPfxIsRefusedBecauseItHoldsThePrivateKeyEvenWhenNamedCer() throws Exception {
        KeyPair pair = rsa(2048);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("ocmw", pair.getPrivate(), "secret".toCharArray(),
                new java.security.cert.Certificate[]{selfSigned(pair, KeyUsage.digitalSignature)});
        Path pfx = folder.resolve("ocmw.pfx");
        try (var out = Files.newOutputStream(pfx)) {
            store.store(out, "secret".toCharArray());
        }
        Path disguised = Files.copy(pfx, folder.resolve("disguised.cer"));

        CertificateVerdict verdict = CHECK.check(pfx, Channel.REST);
        CertificateVerdict renamed = CHECK.check(disguised, Channel.REST);

        assertThat(refused(verdict)).containsExactly("file");
        assertThat(messages(renamed)).containsEntry("file", "file.pfx");
        assertThat(verdict.describe(Locale.forLanguageTag("nl-BE"))).contains("private sleutel");
    }

    @Test
    void whatIsNotACertificateAtAllCannotBeReadAndSaysWhatItIs() throws Exception {
        X509Certificate certificate = issued(rsa(2048), "SHA256withRSA", KeyUsage.digitalSignature);
        byte[] der = certificate.getEncoded();
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("empty.cer", new byte[0]);
        files.put("garbage.cer", "Dit is geen certificaat.\n".getBytes(StandardCharsets.UTF_8));
        files.put("truncated.cer", java.util.Arrays.copyOf(der, der.length / 2));
        files.put("key.cer", ("-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                rsa(2048).getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n").getBytes(StandardCharsets.US_ASCII));
        files.put("huge.cer", new byte[10 * 1024 * 1024]);
        Map<String, String> reasons = Map.of("empty.cer", "the file is empty", "garbage.cer", "not an X.509 certificate",
                "truncated.cer", "damaged or cut off", "key.cer", "holds a private key, not a certificate",
                "huge.cer", "it is 10.0 MB");

        for (var file : files.entrySet()) {
            Path path = Files.write(folder.resolve(file.getKey()), file.getValue());

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> CHECK.check(path, Channel.REST)).as(file.getKey())
                    .isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("cannot be read as a certificate")
                    .hasMessageContaining(reasons.get(file.getKey()));
        }
    }

    @Test
    void aPemSavedByAWindowsToolWithCrlfAndAByteOrderMarkIsReadAsTheCertificateItIs() throws Exception {
        X509Certificate certificate = issued(rsa(2048), "SHA256withRSA", KeyUsage.digitalSignature);
        String body = Base64.getMimeEncoder(64, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded());
        byte[] text = ("\uFEFF-----BEGIN CERTIFICATE-----\r\n" + body + "\r\n-----END CERTIFICATE-----\r\n")
                .getBytes(StandardCharsets.UTF_8);

        CertificateVerdict verdict = CHECK.check(Files.write(folder.resolve("windows.cer"), text), Channel.FTP);

        assertThat(verdict.accepted()).as(verdict.describe(Locale.ROOT)).isTrue();
        assertThat(messages(verdict)).containsEntry("format", "format.pem");
    }

    @Test
    void aFileWithTwoCertificatesIsRefusedEvenWhenTheFirstIsGood() throws Exception {
        X509Certificate good = issued(rsa(2048), "SHA256withRSA", KeyUsage.digitalSignature);
        X509Certificate other = issued(rsa(2048), "SHA256withRSA", KeyUsage.digitalSignature);
        Path two = pem(good, "two.cer");
        Files.writeString(two, Files.readString(two) + Files.readString(pem(other, "other.cer")));

        CertificateVerdict verdict = CHECK.check(two, Channel.FTP);

        assertThat(verdict.accepted()).isFalse();
        assertThat(refused(verdict)).containsExactly("format");
        assertThat(verdict.describe(Locale.forLanguageTag("nl-BE"))).contains("bevat 2 certificaten");
        assertThat(verdict.describe(Locale.forLanguageTag("fr-BE"))).contains("contient 2 certificats");
    }

    @Test
    void anExpiredCertificateOrOneWithAnotherExtensionIsRefused() throws Exception {
        X509Certificate expired = build(rsa(2048).getPublic(), new X500Name("CN=OCMW"), "SHA256withRSA", KeyUsage.digitalSignature,
                NOW.minus(Duration.ofDays(800)), NOW.minus(Duration.ofDays(1)), CA, new X500Name("CN=Test CA"));

        CertificateVerdict verdict = CHECK.check(der(expired, "ocmw.crt"), Channel.REST);

        assertThat(refused(verdict)).containsExactly("file", "validity");
    }

    private static Map<String, String> messages(CertificateVerdict verdict) {
        return verdict.results().stream().collect(Collectors.toMap(RuleResult::rule, RuleResult::message));
    }

    private static java.util.List<String> refused(CertificateVerdict verdict) {
        return verdict.results().stream().filter(r -> !r.passed()).map(RuleResult::rule).toList();
    }

    private Path der(X509Certificate certificate, String name) throws Exception {
        return Files.write(folder.resolve(name), certificate.getEncoded());
    }

    private Path pem(X509Certificate certificate, String name) throws Exception {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded());
        return Files.writeString(folder.resolve(name), "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n");
    }

    private static X509Certificate issued(KeyPair subject, String algorithm, int usage) throws Exception {
        return build(subject.getPublic(), new X500Name("CN=OCMW Pajottegem"), algorithm, usage,
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)), CA, new X500Name("CN=Test CA"));
    }

    private static X509Certificate selfSigned(KeyPair pair, int usage) throws Exception {
        X500Name name = new X500Name("CN=OCMW Pajottegem");
        return build(pair.getPublic(), name, "SHA256withRSA", usage, NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(365)), pair, name);
    }

    /** The CA's key signs with the requested algorithm, or with its own kind's SHA-256 for an EC subject's algorithm. */
    private static X509Certificate build(java.security.PublicKey key, X500Name subject, String algorithm, int usage,
                                         Instant from, Instant until, KeyPair signer, X500Name issuer) throws Exception {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(NOW.toEpochMilli()),
                Date.from(from), Date.from(until), subject, key);
        builder.addExtension(Extension.basicConstraints, false, new BasicConstraints(false));
        if (usage >= 0) {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
        }
        String signing = algorithm.endsWith("ECDSA") && signer.getPrivate().getAlgorithm().equals("RSA")
                ? algorithm.replace("ECDSA", "RSA") : algorithm;
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder(signing).build(signer.getPrivate())));
    }

    private static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair ec(String curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }
}
