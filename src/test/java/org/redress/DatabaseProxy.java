package org.redress;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay between an application node and PostgreSQL (or RabbitMQ) that a test can break
 * on purpose, as networks, databases and brokers break in production:
 * <ul>
 * <li>{@link #forward()}: bytes pass both ways (again);</li>
 * <li>{@link #refuse()}: every open connection is closed and nothing listens, so new
 * connections are refused (a database that is down);</li>
 * <li>{@link #blackHole()}: connections stay open and new ones are accepted, but every byte
 * is dropped (a firewall or a partition that drops packets silently);</li>
 * <li>{@link #blackHoleAtCommit(String, boolean)}: one connection, the one that sent a
 * statement containing a marker, goes silent at its COMMIT (the COMMIT delivered or not).</li>
 * </ul>
 * Back to forwarding, connections that were black-holed are closed: bytes were lost in
 * them, so their protocol stream cannot continue. The node must see that and reconnect.
 */
public final class DatabaseProxy implements AutoCloseable {

    private enum Mode { FORWARD, REFUSE, BLACK_HOLE }

    private static final byte[] COMMIT = "COMMIT".getBytes(StandardCharsets.US_ASCII);

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private volatile Mode mode = Mode.FORWARD;
    private volatile ServerSocket server;
    private volatile byte[] commitMarker;
    private volatile boolean deliverTrappedCommit;

    private DatabaseProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = listen(0);
        this.port = server.getLocalPort();
        accept(server);
    }

    /** A relay on a free local port to the PostgreSQL of the tests. */
    public static DatabaseProxy toPostgres() {
        try {
            return new DatabaseProxy("127.0.0.1", 5432);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A relay on a free local port to the RabbitMQ of the tests (127.0.0.1:5672), to take the broker away. */
    public static DatabaseProxy toRabbitMq() {
        try {
            return new DatabaseProxy("127.0.0.1", 5672);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The local port the relay listens on. */
    public int port() {
        return port;
    }

    /** The JDBC URL of a database reached through this relay; {@code url} is its direct URL. */
    public String through(String url) {
        return url.replace("//127.0.0.1:" + targetPort + "/", "//127.0.0.1:" + port + "/");
    }

    public synchronized void forward() {
        commitMarker = null;
        links.stream().filter(link -> link.silent || mode == Mode.BLACK_HOLE).forEach(Link::close);
        mode = Mode.FORWARD;
        if (server.isClosed()) {
            try {
                server = listen(port);
            } catch (IOException e) {
                throw new IllegalStateException("cannot listen again on " + port, e);
            }
            accept(server);
        }
    }

    public synchronized void refuse() {
        mode = Mode.REFUSE;
        try {
            server.close();
        } catch (IOException ignored) {
            // closed either way
        }
        links.forEach(Link::close);
    }

    public synchronized void blackHole() {
        mode = Mode.BLACK_HOLE;
    }

    /**
     * The connection that sends a statement containing {@code marker} goes silent at its next
     * COMMIT: with {@code deliver}, the COMMIT reaches the database and only its answer is lost;
     * without, the COMMIT is lost too. (Needs {@code prepareThreshold=0} on the node's URL, so
     * statements always travel as text.)
     */
    public void blackHoleAtCommit(String marker, boolean deliver) {
        deliverTrappedCommit = deliver;
        commitMarker = marker.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public synchronized void close() {
        refuse();
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }

    private void accept(ServerSocket listening) {
        Thread acceptor = new Thread(() -> {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    Socket upstream = new Socket(targetHost, targetPort);
                    Link link = new Link(client, upstream);
                    links.add(link);
                    link.start();
                } catch (IOException e) {
                    // closed by refuse(), or the database itself is down: the client sees a closed connection
                }
            }
        }, "db-proxy-accept-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private final class Link {

        private final Socket client;
        private final Socket upstream;
        private volatile boolean marked;
        private volatile boolean silent;

        Link(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void start() {
            pump(client, upstream, true);
            pump(upstream, client, false);
        }

        private void pump(Socket from, Socket to, boolean towardsDatabase) {
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[16 * 1024];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        boolean deliverThisOnce = towardsDatabase && trapped(buffer, n);
                        if (deliverThisOnce || !silent && mode == Mode.FORWARD) {
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    }
                } catch (IOException e) {
                    // one side closed
                } finally {
                    close();
                }
            }, "db-proxy-pump");
            thread.setDaemon(true);
            thread.start();
        }

        /** Arms and springs the commit trap; true when this chunk is the COMMIT to deliver before going silent. */
        private boolean trapped(byte[] buffer, int n) {
            byte[] marker = commitMarker;
            if (marker == null || silent) {
                return false;
            }
            if (contains(buffer, n, marker)) {
                marked = true;
            }
            if (marked && contains(buffer, n, COMMIT)) {
                silent = true;
                commitMarker = null;
                return deliverTrappedCommit;
            }
            return false;
        }

        void close() {
            links.remove(this);
            try {
                client.close();
            } catch (IOException ignored) {
                // already closed
            }
            try {
                upstream.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    private static boolean contains(byte[] buffer, int length, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (buffer[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
