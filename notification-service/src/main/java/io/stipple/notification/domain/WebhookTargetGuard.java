package io.stipple.notification.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps webhook deliveries away from the inside of our own network (SSRF): a target must be http(s)
 * with a host whose every address is public. Private, loopback, link-local, carrier-grade NAT,
 * unique-local and multicast addresses are refused unless private targets are allowed (development);
 * cloud metadata addresses are refused always. Checked when a subscription is saved and again before
 * each delivery (DNS may change in between).
 */
public class WebhookTargetGuard {

    /** Cloud metadata services: never a legitimate webhook target, not even in development. */
    private static final Set<String> METADATA = Set.of("169.254.169.254", "169.254.170.2", "100.100.100.200",
            "fd00:ec2:0:0:0:0:0:254");

    /** Why a target was refused. */
    public static class TargetRefused extends RuntimeException {
        public TargetRefused(String message) {
            super(message);
        }
    }

    /** Resolves a host name; replaceable in unit tests. */
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final boolean requireHttps;
    private final Resolver resolver;

    public WebhookTargetGuard(boolean allowPrivate, boolean requireHttps) {
        this(allowPrivate, requireHttps, host -> List.of(InetAddress.getAllByName(host)));
    }

    public WebhookTargetGuard(boolean allowPrivate, boolean requireHttps, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.requireHttps = requireHttps;
        this.resolver = resolver;
    }

    /** Returns the checked URI, or throws {@link TargetRefused} saying why. */
    public URI check(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new TargetRefused("not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && !requireHttps)) {
            throw new TargetRefused(requireHttps ? "the URL must use https" : "the URL must use http or https");
        }
        if (uri.getRawUserInfo() != null) {
            throw new TargetRefused("credentials in the URL are not allowed; authenticate with the signature");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new TargetRefused("the URL has no host");
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new TargetRefused("the host " + host + " does not resolve");
        }
        if (addresses.isEmpty()) {
            throw new TargetRefused("the host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (isMetadata(address)) {
                throw new TargetRefused("the host " + host + " resolves to a cloud metadata address");
            }
            if (!allowPrivate && isInternal(address)) {
                throw new TargetRefused("the host " + host + " resolves to a private, loopback or link-local address ("
                        + address.getHostAddress() + ")");
            }
        }
        return uri;
    }

    static boolean isMetadata(InetAddress address) {
        return METADATA.contains(address.getHostAddress().toLowerCase(Locale.ROOT));
    }

    /** Not a public unicast address. */
    public static boolean isInternal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 // "this network"
                    || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT 100.64/10
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking
                    || first >= 240; // reserved, broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) return true; // unique local fc00::/7
            boolean v4Mapped = true;
            for (int i = 0; i < 10; i++) v4Mapped &= b[i] == 0;
            v4Mapped &= (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
            if (v4Mapped) {
                try {
                    return isInternal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }
}
