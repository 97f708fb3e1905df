package io.stipple.platform.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Keeps personal data out of the spans the OpenTelemetry extension makes (a span processor it picks up from CDI): an
 * HTTP server span's query string keeps its parameter names but not their values ({@code email=?&page=?}: a lookup
 * by e-mail must not put the address in a trace), and the caller's network address is not recorded (an IP address is
 * personal data). The platform's own spans carry ids, types and channels only ({@link Tracing}).
 */
@Singleton
public class PersonalDataRedaction implements SpanProcessor {

    static final AttributeKey<String> URL_QUERY = AttributeKey.stringKey("url.query");
    static final List<AttributeKey<String>> ADDRESSES = List.of(AttributeKey.stringKey("client.address"),
            AttributeKey.stringKey("network.peer.address"), AttributeKey.stringKey("http.client_ip"));
    static final String REDACTED = "redacted";
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\[\\]-]{0,39}");

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        String query = span.getAttribute(URL_QUERY);
        if (query != null) {
            span.setAttribute(URL_QUERY, namesOnly(query));
        }
        for (AttributeKey<String> address : ADDRESSES) {
            if (span.getAttribute(address) != null) {
                span.setAttribute(address, REDACTED);
            }
        }
    }

    /** {@code a=1&b=x@y} → {@code a=?&b=?}; a name that is not a plain identifier is {@code ?} too. */
    static String namesOnly(String query) {
        return Arrays.stream(query.split("&"))
                .filter(part -> !part.isEmpty())
                .map(part -> {
                    int eq = part.indexOf('=');
                    String name = eq < 0 ? part : part.substring(0, eq);
                    return (PLAIN_NAME.matcher(name).matches() ? name : "?") + "=?";
                })
                .collect(Collectors.joining("&"));
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }
}
