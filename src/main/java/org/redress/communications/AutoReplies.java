package org.redress.communications;

import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Recognises mail written by machines, which must not open cases or trigger replies
 * (RFC 3834): auto-replies, vacation notices, bounces and bulk mail.
 */
final class AutoReplies {

    private AutoReplies() {
    }

    /** Why this mail is automatic, or null for mail from a person. */
    static @Nullable String reason(@Nullable String from, Map<String, String> headers) {
        String autoSubmitted = header(headers, "Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.trim().toLowerCase(Locale.ROOT).startsWith("no")) {
            return "Auto-Submitted: " + autoSubmitted.trim();
        }
        if (header(headers, "X-Autoreply") != null || header(headers, "X-Autorespond") != null) {
            return "an auto-reply header";
        }
        String precedence = header(headers, "Precedence");
        if (precedence != null && precedence.trim().toLowerCase(Locale.ROOT).matches("bulk|junk|list|auto_reply")) {
            return "Precedence: " + precedence.trim();
        }
        String contentType = header(headers, "Content-Type");
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("multipart/report")) {
            return "a delivery report";
        }
        String sender = from == null ? "" : from.toLowerCase(Locale.ROOT);
        if (sender.startsWith("mailer-daemon@") || sender.startsWith("postmaster@")) {
            return "a bounce from " + from;
        }
        String returnPath = header(headers, "Return-Path");
        if (returnPath != null && returnPath.trim().equals("<>")) {
            return "an empty Return-Path (a bounce)";
        }
        return null;
    }

    /** A delivery report or bounce, as opposed to an auto-reply written for a person. */
    static boolean isBounce(@Nullable String from, Map<String, String> headers) {
        String sender = from == null ? "" : from.toLowerCase(Locale.ROOT);
        String contentType = header(headers, "Content-Type");
        String returnPath = header(headers, "Return-Path");
        return sender.startsWith("mailer-daemon@") || sender.startsWith("postmaster@")
            || (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("multipart/report"))
            || (returnPath != null && returnPath.trim().equals("<>"));
    }

    private static @Nullable String header(Map<String, String> headers, String name) {
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }
}
