package io.stipple.notification.service;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP client of the SMS provider, the push gateway and partner webhooks: no redirects followed
 * (a redirect could lead a webhook to an internal address), short connect timeout.
 */
@ApplicationScoped
public class HttpChannels {

    private final ExecutorService executor = Executors.newFixedThreadPool(8, runnable -> {
        Thread thread = new Thread(runnable, "notification-http");
        thread.setDaemon(true);
        return thread;
    });

    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(executor)
            .build();

    public HttpClient client() {
        return client;
    }

    /**
     * What a failed exchange (no HTTP answer) says about the request: no connection (refused, unknown host, connect
     * timeout) — nothing left; a failure while building the request — nothing left; anything else (the request
     * timeout after the request was written, a connection reset or closed before the whole answer) — uncertain.
     */
    public static SendResult classify(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) cause = cause.getCause();
        String text = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof HttpConnectTimeoutException || c instanceof ConnectException || c instanceof UnknownHostException
                    || c instanceof UnresolvedAddressException || c instanceof IllegalArgumentException) {
                return SendResult.failedBeforeSending(text);
            }
        }
        return SendResult.uncertain(text);
    }
}
