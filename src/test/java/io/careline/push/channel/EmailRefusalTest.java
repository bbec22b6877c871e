package io.careline.push.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.ext.mail.SMTPException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An SMTP server's refusal as the email channel judges it: permanent ones are dead, transient ones retried. */
class EmailRefusalTest {

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
            "550, 'mailbox unavailable', DEAD",
            "553, 'mailbox name not allowed', DEAD",
            "421, 'service not available, closing channel', RETRY",
            "452, 'insufficient system storage', RETRY" })
    void aRefusalIsDeadOrRetriedByItsReplyCode(int code, String message, SendResult.Kind kind) {
        SendResult result = EmailChannel.refused(new SMTPException("RCPT TO refused", code,
                List.of(code + " " + message), false));
        assertThat(result.kind()).isEqualTo(kind);
        assertThat(result.detail()).as("the code, never the address the server may echo").isEqualTo("SMTP " + code);
    }
}
