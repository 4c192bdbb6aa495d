package org.redress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte as written: for addresses, headers and
 * bodies that an HTTP client would refuse or tidy (bad percent-encoding, {@code ..},
 * oversized headers, invalid UTF-8). One connection per request.
 */
public final class RawHttp {

    public record Response(int status, Map<String, String> headers, byte[] bytes) {

        public String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }

        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private final int port;
    private final String authorization;

    private RawHttp(int port, String authorization) {
        this.port = port;
        this.authorization = authorization;
    }

    public static RawHttp basic(int port, String email, String password) {
        return new RawHttp(port, "Basic " + Base64.getEncoder().encodeToString(
            (email + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    public static RawHttp bearer(int port, String token) {
        return new RawHttp(port, "Bearer " + token);
    }

    /** Sends the request line, the headers (plus Host, authorization and Accept: application/json unless given) and the body. */
    public Response send(String method, String target, byte[] body, String... headers) throws IOException {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
            .append("Host: 127.0.0.1\r\nConnection: close\r\nAuthorization: ").append(authorization).append("\r\n");
        boolean accepts = false;
        for (String header : headers) {
            head.append(header).append("\r\n");
            accepts |= header.toLowerCase(Locale.ROOT).startsWith("accept:");
        }
        if (!accepts) {
            head.append("Accept: application/json\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            // Sent while the answer is read: a server may answer an oversized body (413) and close
            // before reading all of it, and the reset that follows would discard an answer not yet read.
            IOException[] sending = new IOException[1];
            Thread sender = new Thread(() -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write(head.toString().getBytes(StandardCharsets.UTF_8));
                    if (body != null) {
                        out.write(body);
                    }
                    out.flush();
                } catch (IOException e) {
                    sending[0] = e;
                }
            });
            sender.start();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(all);
            } catch (SocketTimeoutException e) {
                throw e;
            } catch (IOException e) {
                // the server closed the connection after answering (e.g. before reading all of a refused body)
            }
            try {
                sender.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (all.size() == 0 && sending[0] != null) {
                throw sending[0];
            }
            return parse(all.toByteArray());
        }
    }

    public Response send(String method, String target, String body, String... headers) throws IOException {
        return send(method, target, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
    }

    private static Response parse(byte[] bytes) throws IOException {
        int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
        if (end < 0) {
            throw new IOException("no complete answer: " + new String(bytes, StandardCharsets.UTF_8));
        }
        String[] head = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            headers.put(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Response(Integer.parseInt(head[0].split(" ")[1]), headers, body);
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int line = indexOf(chunked, "\r\n".getBytes(StandardCharsets.US_ASCII), at);
            if (line < 0) {
                break;
            }
            String size = new String(chunked, at, line - at, StandardCharsets.US_ASCII).split(";")[0].trim();
            int length = Integer.parseInt(size, 16);
            if (length == 0) {
                break;
            }
            body.write(chunked, line + 2, Math.min(length, chunked.length - line - 2));
            at = line + 2 + length + 2;
        }
        return body.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte[] pattern, int from) {
        outer:
        for (int i = from; i + pattern.length <= bytes.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
