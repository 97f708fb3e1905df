package io.stipple.notification.service;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.http.HttpClient;
import java.time.Duration;
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
}
