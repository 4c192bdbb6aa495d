package org.redress.platform;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;

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
    static final int PAGE_CHARACTERS = 128 * 1024;

    private static final PageBuffers BUFFERS = new PageBuffers(8, 2 * PAGE_CHARACTERS);

    public WholePageView() {
        // Partial output "while processing" goes to the buffer below, never to the client.
        setProducePartialOutputWhileProcessing(true);
    }

    @Override
    public void render(@Nullable Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        PageWriter page = new PageWriter(BUFFERS.take());
        try {
            super.render(model, request, new HttpServletResponseWrapper(response) {
                @Override
                public PrintWriter getWriter() {
                    return page;
                }
            });
            PrintWriter out = response.getWriter();
            out.write(page.chars, 0, page.length);
            out.flush();
        } finally {
            // The response has copied the page (or the page failed): the buffer is free for the next one.
            BUFFERS.giveBack(page.chars);
        }
    }

    /**
     * The page as the engine writes it: characters appended to a buffer, without the lock and
     * the checks a {@link PrintWriter} takes on each of a page's thousands of small writes (one
     * request writes it). PrintWriter's other writes and prints all come down to these three.
     */
    static final class PageWriter extends PrintWriter {

        private char[] chars;
        private int length;

        PageWriter(char[] buffer) {
            super(Writer.nullWriter(), false);
            chars = buffer;
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

        @Override
        public void println() {
            // PrintWriter's own sends the line separator straight to the writer underneath (a null writer here).
            write(System.lineSeparator());
        }

        private void ensure(int more) {
            if (length + more > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + more));
            }
        }
    }

    /**
     * Page buffers kept for the next pages: allocated afresh, a console page's buffer was a fifth
     * of all the memory a request allocates. Bounded in number and in size, so a rare very long
     * page does not stay in memory; a page that finds none kept gets a new one.
     */
    static final class PageBuffers {

        private final ArrayBlockingQueue<char[]> kept;
        private final int largestKept;

        PageBuffers(int count, int largestKept) {
            this.kept = new ArrayBlockingQueue<>(count);
            this.largestKept = largestKept;
        }

        char[] take() {
            char[] buffer = kept.poll();
            return buffer != null ? buffer : new char[PAGE_CHARACTERS];
        }

        void giveBack(char[] buffer) {
            if (buffer.length <= largestKept) {
                kept.offer(buffer);
            }
        }
    }
}
