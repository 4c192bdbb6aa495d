package org.redress.platform;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Arrays;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;
import org.thymeleaf.spring6.view.ThymeleafView;

/**
 * A console page rendered whole into memory and handed to the response in one write, so a
 * template that fails half-way sends nothing but the error page, and the page's thousands of
 * small writes stay out of the security and servlet wrappers of the response.
 * <p>
 * The engine's own buffer for this (partial output off) starts at 1 KB and grows by copying,
 * and it is a string builder: the first character outside Latin-1 in a page (a dash, a
 * customer's name) widens everything written so far, and the page is copied once more into a
 * string at the end. Here the engine writes straight into a character buffer the size of a
 * usual page, which the response then encodes from.
 */
public class WholePageView extends ThymeleafView {

    // Most console pages are 20 to 120 thousand characters; a queue page of 50 rows about 66.
    static final int PAGE_CHARACTERS = 64 * 1024;

    public WholePageView() {
        // Partial output "while processing" goes to the buffer below, never to the client.
        setProducePartialOutputWhileProcessing(true);
    }

    @Override
    public void render(@Nullable Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        PageBuffer page = new PageBuffer(PAGE_CHARACTERS);
        super.render(model, request, new HttpServletResponseWrapper(response) {
            private final PrintWriter writer = new PrintWriter(page, false);

            @Override
            public PrintWriter getWriter() {
                return writer;
            }
        });
        PrintWriter out = response.getWriter();
        page.writeTo(out);
        out.flush();
    }

    /** A growable character buffer without the locking of {@link java.io.CharArrayWriter}: one request writes it. */
    static final class PageBuffer extends Writer {

        private char[] chars;
        private int length;

        PageBuffer(int capacity) {
            chars = new char[capacity];
        }

        @Override
        public void write(int c) {
            ensure(1);
            chars[length++] = (char) c;
        }

        @Override
        public void write(char[] source, int offset, int count) {
            ensure(count);
            System.arraycopy(source, offset, chars, length, count);
            length += count;
        }

        @Override
        public void write(String text, int offset, int count) {
            ensure(count);
            text.getChars(offset, offset + count, chars, length);
            length += count;
        }

        void writeTo(Writer out) throws IOException {
            out.write(chars, 0, length);
        }

        private void ensure(int more) {
            if (length + more > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + more));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
