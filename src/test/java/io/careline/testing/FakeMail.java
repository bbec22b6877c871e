package io.careline.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server (GreenMail) on the port the test profile points quarkus-mailer at: the email channel speaks
 * SMTP to it, and tests read what it received.
 */
public final class FakeMail {
    public static final int PORT = 18632;

    private static GreenMail running;

    private FakeMail() {
    }

    /** The one server of this test JVM, started on first use and emptied for each test. */
    public static synchronized GreenMail get() throws Exception {
        if (running == null) {
            running = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            running.start();
        }
        running.purgeEmailFromAllMailboxes();
        return running;
    }
}
