package io.stipple.notification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the service takes for its SMTP server in the tests: a TCP relay to the real one (GreenMail), or — switched
 * to {@link #goSilent()} — an SMTP server that accepts the connection, the envelope and the whole message, and then
 * never answers the end of DATA (a server or network that hangs at the worst moment). Switching closes the open
 * sessions, so the next send opens a new one to whatever is behind the switch now.
 */
public final class SmtpSwitch {

    private final ServerSocket server;
    private final int upstreamPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger swallowed = new AtomicInteger();
    private volatile boolean silent;

    public SmtpSwitch(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 100, InetAddress.getByName("127.0.0.1"));
        Thread acceptor = new Thread(this::accept, "smtp-switch");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** From now on sessions reach a server that never answers the end of DATA. */
    public void goSilent() {
        silent = true;
        closeOpenSessions();
    }

    /** From now on sessions reach the real SMTP server again. */
    public void pass() {
        silent = false;
        closeOpenSessions();
    }

    /** Sessions open now (relayed ones count twice: both ends). */
    public int sessions() {
        return open.size();
    }

    /** Messages the silent server received in full (and never answered). */
    public int swallowed() {
        return swallowed.get();
    }

    private void closeOpenSessions() {
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        open.clear();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                boolean toSilent = silent;
                daemon(toSilent ? () -> serveSilently(client) : () -> relay(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void relay(Socket client) {
        try {
            Socket upstream = new Socket("127.0.0.1", upstreamPort);
            open.add(upstream);
            daemon(() -> pump(upstream, client));
            pump(client, upstream);
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ignored) {
            // one side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /** SMTP up to the message's final dot; after it, silence until the client gives up and closes. */
    private void serveSilently(Socket client) {
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
             Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII)) {
            reply(out, "220 silent.test ESMTP ready");
            boolean inData = false;
            String line;
            while ((line = in.readLine()) != null) {
                if (inData) {
                    if (line.equals(".")) {
                        swallowed.incrementAndGet();
                        inData = false; // and no reply, ever
                    }
                    continue;
                }
                String command = line.toUpperCase();
                if (command.startsWith("EHLO")) {
                    reply(out, "250-silent.test\r\n250 8BITMIME");
                } else if (command.startsWith("DATA")) {
                    reply(out, "354 end with <CRLF>.<CRLF>");
                    inData = true;
                } else if (command.startsWith("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "250 ok");
                }
            }
        } catch (IOException ignored) {
            // the client closed the session
        } finally {
            open.remove(client);
        }
    }

    private static void reply(Writer out, String text) throws IOException {
        out.write(text + "\r\n");
        out.flush();
    }

    private static void daemon(Runnable work) {
        Thread thread = new Thread(work, "smtp-switch-session");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
