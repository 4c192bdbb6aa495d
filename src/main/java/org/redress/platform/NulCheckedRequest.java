package org.redress.platform;

import java.io.IOException;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body is watched for NUL as it is read. In JSON a NUL can only be the
 * six-character escape backslash-u0000 (a raw control character is invalid JSON); a zero
 * byte anywhere is refused too, which also refuses JSON that is not UTF-8 (RFC 8259
 * requires UTF-8). Finding one fails the read with {@link NulCharacter}.
 */
final class NulCheckedRequest extends HttpServletRequestWrapper {

    /** Found a NUL character while a body was read; answered with 400 wherever it surfaces. */
    static final class NulCharacter extends IOException {

        NulCharacter() {
            super("NUL character in the request body");
        }
    }

    private final boolean json;
    private boolean nulFound;
    private ServletInputStream stream;

    NulCheckedRequest(HttpServletRequest request, boolean json) {
        super(request);
        this.json = json;
    }

    boolean nulFound() {
        return nulFound;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (stream == null) {
            stream = new Scanner(super.getInputStream());
        }
        return stream;
    }

    @Override
    public java.io.BufferedReader getReader() throws IOException {
        String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
        return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), encoding));
    }

    private final class Scanner extends ServletInputStream {

        private final ServletInputStream original;
        // 0: text; 1: after a backslash; 2 to 5: after backslash-u and (state - 2) zero digits.
        private int state;

        Scanner(ServletInputStream original) {
            this.original = original;
        }

        @Override
        public int read() throws IOException {
            int b = original.read();
            if (b >= 0) {
                see(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = original.read(buffer, offset, length);
            for (int i = 0; i < n; i++) {
                see(buffer[offset + i] & 0xff);
            }
            return n;
        }

        private void see(int b) throws NulCharacter {
            if (b == 0) {
                found();
            }
            if (!json) {
                return;
            }
            if (state == 0) {
                state = b == '\\' ? 1 : 0;
            } else if (state == 1) {
                state = b == 'u' ? 2 : 0;
            } else if (b == '0') {
                state++;
                if (state == 6) {
                    found();
                }
            } else {
                state = b == '\\' ? 1 : 0;
            }
        }

        private void found() throws NulCharacter {
            nulFound = true;
            state = 0;
            throw new NulCharacter();
        }

        @Override
        public boolean isFinished() {
            return original.isFinished();
        }

        @Override
        public boolean isReady() {
            return original.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            original.setReadListener(listener);
        }
    }
}
