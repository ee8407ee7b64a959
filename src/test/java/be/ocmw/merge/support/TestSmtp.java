package be.ocmw.merge.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * A real SMTP server in the test JVM (GreenMail) on a port chosen once, so that a test can stop it (the mail server
 * refuses) and start it again on the same port (it is back).
 */
public final class TestSmtp {

    private TestSmtp() {
    }

    /** A port nothing listens on now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An SMTP server on 127.0.0.1:{@code port}, started. */
    public static GreenMail on(int port) {
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }
}
