package io.stipple.notification.service;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.ext.mail.SMTPException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.concurrent.CompletionException;

import static io.stipple.notification.service.SendResult.Outcome.FAILED_BEFORE_SENDING;
import static io.stipple.notification.service.SendResult.Outcome.PERMANENT;
import static io.stipple.notification.service.SendResult.Outcome.SENT;
import static io.stipple.notification.service.SendResult.Outcome.UNCERTAIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a channel's answer says about the message: only what provably never left may be retried blindly; what may
 * have been delivered is uncertain.
 */
class SendOutcomeTest {

    @Test
    void http_answers() {
        assertThat(SendResult.ofHttpStatus(201, "id-1", "{}").outcome()).isEqualTo(SENT);
        // refused before any work: retry
        for (int status : List.of(408, 425, 429, 503)) {
            assertThat(SendResult.ofHttpStatus(status, null, "").outcome()).as("HTTP %d", status).isEqualTo(FAILED_BEFORE_SENDING);
        }
        // refused for good
        for (int status : List.of(400, 401, 404, 422)) {
            assertThat(SendResult.ofHttpStatus(status, null, "").outcome()).as("HTTP %d", status).isEqualTo(PERMANENT);
        }
        // a failing gateway in front of a provider that may have done the work
        for (int status : List.of(500, 502, 504)) {
            assertThat(SendResult.ofHttpStatus(status, null, "").outcome()).as("HTTP %d", status).isEqualTo(UNCERTAIN);
        }
    }

    @Test
    void http_exchanges_without_an_answer() {
        assertThat(HttpChannels.classify(new CompletionException(new ConnectException("Connection refused"))).outcome())
                .isEqualTo(FAILED_BEFORE_SENDING);
        assertThat(HttpChannels.classify(new CompletionException(new HttpConnectTimeoutException("connect timed out"))).outcome())
                .isEqualTo(FAILED_BEFORE_SENDING);
        assertThat(HttpChannels.classify(new CompletionException(new UnknownHostException("sms.invalid"))).outcome())
                .isEqualTo(FAILED_BEFORE_SENDING);
        // the request was written, the answer did not come (in time, or at all)
        assertThat(HttpChannels.classify(new CompletionException(new HttpTimeoutException("request timed out"))).outcome())
                .isEqualTo(UNCERTAIN);
        assertThat(HttpChannels.classify(new CompletionException(new IOException("Connection reset"))).outcome())
                .isEqualTo(UNCERTAIN);
    }

    @Test
    void smtp_failures() {
        // the server's own refusal: it did not take the message
        assertThat(EmailSender.classify(new SMTPException("got error response", 550, List.of("550 no such user"), true)).outcome())
                .isEqualTo(PERMANENT);
        assertThat(EmailSender.classify(new SMTPException("got error response", 451, List.of("451 try later"), false)).outcome())
                .isEqualTo(FAILED_BEFORE_SENDING);
        assertThat(EmailSender.classify(new IllegalArgumentException("invalid address")).outcome()).isEqualTo(PERMANENT);
        // no connection: nothing left
        assertThat(EmailSender.classify(new ConnectException("Connection refused")).outcome()).isEqualTo(FAILED_BEFORE_SENDING);
        assertThat(EmailSender.classify(new ConnectTimeoutException("connection timed out")).outcome()).isEqualTo(FAILED_BEFORE_SENDING);
        // the session closed or went silent: perhaps after the final dot
        assertThat(EmailSender.classify(new IOException("socket was closed unexpected.")).outcome()).isEqualTo(UNCERTAIN);
        assertThat(EmailSender.classify(new SMTPException("got error response", 0, List.of("eenMail SMTP Service ready"), false)).outcome())
                .isEqualTo(UNCERTAIN);
    }
}
