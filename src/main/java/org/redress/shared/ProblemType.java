package org.redress.shared;

import java.net.URI;

/**
 * The kinds of problem the API answers with, each named by a stable {@code type} URI under
 * {@link #BASE} (RFC 9457). A client branches on the type, never on the title or the
 * detail, which are words for people and may change. A type is never renamed or reused;
 * a new kind of problem gets a new one, and the list is published in the OpenAPI document.
 */
public enum ProblemType {

    INVALID_INPUT("invalid-input", 400, "The request is understood but a value in it is not acceptable; `errors` names the fields."),
    MALFORMED_REQUEST("malformed-request", 400, "The request cannot be read: a body that is not JSON or has a value of the wrong "
        + "type, an address or header with characters not allowed, NUL characters, too many parameters."),
    UNAUTHORIZED("unauthorized", 401, "No valid credentials: send a bearer token or HTTP Basic."),
    FORBIDDEN("forbidden", 403, "Signed in, but not allowed: the role, the case's team or holder, or the action's rule refuses it."),
    NOT_FOUND("not-found", 404, "Nothing exists at this address or with that identifier."),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "The address does not take the request's method."),
    NOT_ACCEPTABLE("not-acceptable", 406, "The answer cannot be given in a media type the `Accept` header allows."),
    CONFLICT("conflict", 409, "Not possible in the record's current state (the detail says what is missing), or it conflicts with "
        + "data already stored."),
    CHANGED_MEANWHILE("changed-meanwhile", 409, "Someone changed the record while the request was in progress: reload and try again."),
    LINK_EXPIRED("link-expired", 410, "A customer link that was genuine has expired: the customer asks for a new one."),
    TOO_LARGE("too-large", 413, "The body, the address or the headers are larger than accepted (also answered with 414 and 431)."),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "The body's `Content-Type` is not one the operation takes."),
    TOO_MANY_REQUESTS("too-many-requests", 429, "Too many attempts (failed sign-ins, bad links): wait `Retry-After` seconds."),
    INTERNAL_ERROR("internal-error", 500, "Something failed on our side; the administrator finds it in the log."),
    NOT_SUPPORTED("not-supported", 501, "The HTTP method or version is not supported at all (also answered with 505)."),
    UNAVAILABLE("unavailable", 503, "The database cannot be reached or did not answer in time: retry after `Retry-After` seconds; "
        + "`outcome` says whether anything was changed.");

    /** Every type is this followed by its slug. */
    public static final String BASE = "https://redress.dev/problems/";

    private final String slug;
    private final int status;
    private final String meaning;

    ProblemType(String slug, int status, String meaning) {
        this.slug = slug;
        this.status = status;
        this.meaning = meaning;
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    public String slug() {
        return slug;
    }

    /** The status it is usually answered with. */
    public int status() {
        return status;
    }

    /** What it means, for the OpenAPI document and the docs. */
    public String meaning() {
        return meaning;
    }

    /**
     * The type for an answer known only by its status (Tomcat's own refusals, Spring's
     * built-in exceptions): the usual kind of problem for that status.
     */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 410 -> LINK_EXPIRED;
            case 413, 414, 431 -> TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> TOO_MANY_REQUESTS;
            case 501, 505 -> NOT_SUPPORTED;
            case 503 -> UNAVAILABLE;
            default -> status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST;
        };
    }
}
