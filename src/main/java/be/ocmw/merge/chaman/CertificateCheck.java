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

    /** Checks the file; throws {@link UncheckedIOException} only when it cannot be read at all. */
    public CertificateVerdict check(Path file, Channel channel) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UncheckedIOException("there is no file " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        List<RuleResult> results = new ArrayList<>();
        X509Certificate certificate = parse(content);
        if (name.endsWith(".pfx") || name.endsWith(".p12") || (certificate == null && isPkcs12(content))) {
            results.add(RuleResult.failed("file", "file.pfx"));
            return new CertificateVerdict(file, channel, null, results);
        }
        results.add(name.endsWith(".cer") ? RuleResult.passed("file", "file.cer")
                : RuleResult.failed("file", "file.extension", file.getFileName()));
        if (certificate == null) {
            results.add(RuleResult.failed("format", "format.none"));
            return new CertificateVerdict(file, channel, null, results);
        }
        results.add(RuleResult.passed("format", isPem(content) ? "format.pem" : "format.der"));
        results.add(key(certificate.getPublicKey()));
        results.add(signature(certificate));
        results.add(selfSigned(certificate, channel));
        results.add(keyUsage(certificate));
        results.add(validity(certificate));
        return new CertificateVerdict(file, channel, certificate.getSubjectX500Principal().getName(), results);
    }

    private static X509Certificate parse(byte[] content) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(content));
        } catch (CertificateException | RuntimeException e) {
            return null;
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
