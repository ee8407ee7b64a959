package be.ocmw.merge.chaman;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * ChaMan's rules for a channel certificate (SPEC 5.6): a {@code .cer} file holding one X.509 certificate
 * (DER or PEM), not a {@code .pfx}; an RSA key of 2048, 3072 or 4096 bits or an EC key on P-384 or P-521;
 * signed with SHA-256, SHA-384 or SHA-512; self-signed only for REST; key usage digitalSignature; and,
 * because ChaMan refuses it as well, valid today. Every rule is checked and reported, not only the first
 * that fails.
 */
public final class CertificateCheck {

    static final Set<Integer> RSA_SIZES = Set.of(2048, 3072, 4096);
    static final Map<String, String> CURVES = Map.of("secp384r1", "P-384", "secp521r1", "P-521");
    static final Set<String> DIGESTS = Set.of("SHA256", "SHA384", "SHA512");

    private final Clock clock;

    public CertificateCheck(Clock clock) {
        this.clock = clock;
    }

    /** A certificate is a few kilobytes; a file far larger is not one, and is not read into memory. */
    static final long MAX_SIZE = 1024 * 1024;

    /**
     * Checks the file; throws {@link UncheckedIOException} when it cannot be read as a certificate at all (missing,
     * empty, too large, a private key, not X.509): what cannot be read is not a certificate ChaMan refuses.
     */
    public CertificateVerdict check(Path file, Channel channel) {
        byte[] content = normalised(read(file));
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        List<RuleResult> results = new ArrayList<>();
        List<X509Certificate> certificates = parse(content);
        if (name.endsWith(".pfx") || name.endsWith(".p12") || (certificates.isEmpty() && isPkcs12(content))) {
            results.add(RuleResult.failed("file", "file.pfx"));
            return new CertificateVerdict(file, channel, null, results);
        }
        if (certificates.isEmpty()) {
            throw unreadable(file + " cannot be read as a certificate: " + notACertificate(content));
        }
        results.add(name.endsWith(".cer") ? RuleResult.passed("file", "file.cer")
                : RuleResult.failed("file", "file.extension", file.getFileName()));
        if (certificates.size() > 1) {
            // never accepted because the first is good: which one ChaMan would take is not for us to guess
            results.add(RuleResult.failed("format", "format.several", certificates.size()));
            return new CertificateVerdict(file, channel, null, results);
        }
        X509Certificate certificate = certificates.get(0);
        results.add(RuleResult.passed("format", isPem(content) ? "format.pem" : "format.der"));
        results.add(key(certificate.getPublicKey()));
        results.add(signature(certificate));
        results.add(selfSigned(certificate, channel));
        results.add(keyUsage(certificate));
        results.add(validity(certificate));
        return new CertificateVerdict(file, channel, certificate.getSubjectX500Principal().getName(), results);
    }

    private static byte[] read(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_SIZE) {
                throw unreadable(file + " cannot be read as a certificate: it is "
                        + String.format(Locale.ROOT, "%.1f MB", size / 1048576.0) + ", and a certificate is a few kilobytes");
            }
            return Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UncheckedIOException("there is no file " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static UncheckedIOException unreadable(String message) {
        return new UncheckedIOException(message, new IOException(message));
    }

    /** What Windows tools add to a PEM file: a UTF-8 byte order mark, and CR before every line end. */
    private static byte[] normalised(byte[] content) {
        byte[] bytes = content;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            bytes = java.util.Arrays.copyOfRange(bytes, 3, bytes.length);
        }
        if (isPem(bytes)) {
            bytes = new String(bytes, java.nio.charset.StandardCharsets.US_ASCII).replace("\r\n", "\n").replace('\r', '\n')
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
        return bytes;
    }

    /** Why the content is no certificate, as plainly as it can be said. */
    private static String notACertificate(byte[] content) {
        if (content.length == 0) {
            return "the file is empty";
        }
        String start = new String(content, 0, Math.min(content.length, 400), java.nio.charset.StandardCharsets.US_ASCII);
        if (start.contains("PRIVATE KEY-----")) {
            return "it holds a private key, not a certificate (a private key must never be sent to anyone: export only "
                    + "the certificate, X.509 as .cer)";
        }
        if (start.contains("-----BEGIN CERTIFICATE-----")) {
            return "its PEM text is damaged or cut off; ask for the certificate again from whoever issued it";
        }
        return "it is not an X.509 certificate (DER or PEM), or it is damaged or cut off; ask for the certificate again "
                + "from whoever issued it";
    }

    private static List<X509Certificate> parse(byte[] content) {
        try {
            return CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(content)).stream()
                    .map(X509Certificate.class::cast).toList();
        } catch (CertificateException | RuntimeException e) {
            return List.of();
        }
    }

    /** A PKCS#12 store (.pfx) also holds the private key: it must never be sent. Its structure opens without password. */
    private static boolean isPkcs12(byte[] content) {
        try {
            KeyStore.getInstance("PKCS12").load(new ByteArrayInputStream(content), null);
            return true;
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean isPem(byte[] content) {
        return new String(content, 0, Math.min(content.length, 200), java.nio.charset.StandardCharsets.US_ASCII)
                .contains("-----BEGIN CERTIFICATE-----");
    }

    static RuleResult key(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            int bits = rsa.getModulus().bitLength();
            return RSA_SIZES.contains(bits) ? RuleResult.passed("key", "key.rsa.ok", bits)
                    : RuleResult.failed("key", "key.rsa.size", bits);
        }
        if (key instanceof ECPublicKey ec) {
            String curve = curve(ec.getParams());
            return curve != null ? RuleResult.passed("key", "key.ec.ok", curve)
                    : RuleResult.failed("key", "key.ec.curve", ec.getParams().getCurve().getField().getFieldSize());
        }
        return RuleResult.failed("key", "key.other", key.getAlgorithm());
    }

    private static String curve(ECParameterSpec params) {
        for (Map.Entry<String, String> named : CURVES.entrySet()) {
            try {
                AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
                parameters.init(new ECGenParameterSpec(named.getKey()));
                ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
                if (spec.getCurve().equals(params.getCurve()) && spec.getGenerator().equals(params.getGenerator())
                        && spec.getOrder().equals(params.getOrder())) {
                    return named.getValue();
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK does not know the curve " + named.getKey(), e);
            }
        }
        return null;
    }

    static RuleResult signature(X509Certificate certificate) {
        String algorithm = certificate.getSigAlgName().toUpperCase(Locale.ROOT);
        String digest = algorithm.contains("WITH") ? algorithm.substring(0, algorithm.indexOf("WITH")) : algorithm;
        if (algorithm.equals("RSASSA-PSS")) {
            digest = pssDigest(certificate.getSigAlgParams());
        }
        digest = digest.replace("-", "");
        return DIGESTS.contains(digest) ? RuleResult.passed("signature", "signature.ok", certificate.getSigAlgName())
                : RuleResult.failed("signature", "signature.weak", certificate.getSigAlgName());
    }

    private static String pssDigest(byte[] encoded) {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("RSASSA-PSS");
            parameters.init(encoded);
            PSSParameterSpec spec = parameters.getParameterSpec(PSSParameterSpec.class);
            return spec.getDigestAlgorithm().toUpperCase(Locale.ROOT);
        } catch (GeneralSecurityException | IOException e) {
            return "?";
        }
    }

    static boolean isSelfSigned(X509Certificate certificate) {
        if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return false;
        }
        try {
            certificate.verify(certificate.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static RuleResult selfSigned(X509Certificate certificate, Channel channel) {
        if (!isSelfSigned(certificate)) {
            return RuleResult.passed("issuer", "issuer.ca", certificate.getIssuerX500Principal().getName());
        }
        return channel == Channel.REST ? RuleResult.passed("issuer", "issuer.self.rest")
                : RuleResult.failed("issuer", "issuer.self.ftp");
    }

    private static RuleResult keyUsage(X509Certificate certificate) {
        boolean[] usage = certificate.getKeyUsage();
        if (usage == null) {
            return RuleResult.failed("usage", "usage.none");
        }
        return usage[0] ? RuleResult.passed("usage", "usage.ok") : RuleResult.failed("usage", "usage.missing");
    }

    private RuleResult validity(X509Certificate certificate) {
        Date now = Date.from(clock.instant());
        String from = certificate.getNotBefore().toInstant().toString().substring(0, 10);
        String until = certificate.getNotAfter().toInstant().toString().substring(0, 10);
        if (now.before(certificate.getNotBefore())) {
            return RuleResult.failed("validity", "validity.future", from, until);
        }
        if (now.after(certificate.getNotAfter())) {
            return RuleResult.failed("validity", "validity.expired", from, until);
        }
        return RuleResult.passed("validity", "validity.ok", from, until);
    }

}
