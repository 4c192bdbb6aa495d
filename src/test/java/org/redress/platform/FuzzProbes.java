package org.redress.platform;

import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;

import org.redress.Http;

import tools.jackson.databind.JsonNode;

/**
 * Malformed and boundary requests for every operation of an OpenAPI document: odd path
 * and query parameters, invalid JSON, wrong content types, and per field wrong types,
 * nulls, huge strings, unicode, NUL, bad enum values, missing and extra fields. The
 * same seed gives the same requests in the same order.
 */
final class FuzzProbes {

    /** One request to send; {@code body} is null for none. */
    record Probe(String operation, String variant, String method, String target, byte[] body, List<String> headers) {}

    private static final String HUGE = "x".repeat(60_000);
    private static final String UNICODE = "Ünïcödé 𝄞 😀 \u202Eevil\u202C ﷽ e\u0301 \uD800 日本語";
    private static final List<String> ODD_PATH_VALUES = List.of("0", "-1", "999999999", "9223372036854775808", "abc",
        "1.5", "1e309", "null", "%20", "%F0%9F%98%80", "%C0%AE", "RC-000000", "' or '1'='1", "x".repeat(3_000),
        "%00", "%zz", "..", "%2e%2e", "a%2Fb", "%0d%0a");
    private static final List<String> ODD_QUERY_VALUES = List.of("", "abc", "-1", "0", "99999999999999999999", "1e400",
        "NaN", "true", "%00", "%zz", "%F0%9F%98%80", "x".repeat(3_000), "NOT_A_VALUE");
    private static final List<String> INVALID_JSON = List.of("", " ", "{", "[", "}", "nul", "{\"a\":}", "{\"a\":1,}",
        "\"text\"", "12345", "null", "[]", "{\"a\":1}{\"b\":2}", "{'a':1}", "\uFEFF{}", "[".repeat(5_000),
        "{\"a\":" + "1".repeat(2_000) + "}", "{\"a\":1e999999}", "{\"a\":\"\\uZZZZ\"}");
    private static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/xml", "*/*", "application/*",
        "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=x", "garbage",
        "application/json; charset=ebcdic", "application/json; charset=utf-16", "image/png", "");

    private final JsonNode api;
    private final JsonNode schemas;
    private final BiFunction<String, String, String> realValue;
    private final long seed;

    /** {@code realValue} gives, for an operation's path and a path parameter, a value that exists. */
    FuzzProbes(JsonNode api, BiFunction<String, String, String> realValue, long seed) {
        this.api = api;
        this.schemas = api.path("components").path("schemas");
        this.realValue = realValue;
        this.seed = seed;
    }

    /** Every operation's probes, at most {@code perOperation} each (a seeded sample), operations in order. */
    List<Probe> all(int perOperation) {
        List<String> paths = new ArrayList<>(api.path("paths").propertyNames());
        Collections.sort(paths);
        List<Probe> all = new ArrayList<>();
        for (String path : paths) {
            List<String> methods = new ArrayList<>(api.path("paths").path(path).propertyNames());
            Collections.sort(methods);
            for (String method : methods) {
                List<Probe> probes = forOperation(method.toUpperCase(), path, api.path("paths").path(path).path(method));
                Collections.shuffle(probes, new Random(seed ^ (method + " " + path).hashCode()));
                all.addAll(probes.subList(0, Math.min(perOperation, probes.size())));
            }
        }
        return all;
    }

    private List<Probe> forOperation(String method, String path, JsonNode operation) {
        String name = method + " " + path;
        List<Probe> probes = new ArrayList<>();
        Map<String, String> real = new LinkedHashMap<>();
        List<String> query = new ArrayList<>();
        boolean idempotencyKey = false;
        for (JsonNode parameter : operation.path("parameters")) {
            String in = parameter.path("in").asString();
            String param = parameter.path("name").asString();
            if (in.equals("path")) {
                real.put(param, realValue.apply(path, param));
            } else if (in.equals("query")) {
                query.add(param);
            } else if (param.equals("Idempotency-Key")) {
                idempotencyKey = true;
            }
        }
        JsonNode requestBody = operation.path("requestBody").path("content");
        String bodyType = requestBody.propertyNames().stream().findFirst().orElse(null);
        JsonNode bodySchema = bodyType == null ? null : requestBody.path(bodyType).path("schema");
        boolean json = "application/json".equals(bodyType);
        byte[] base = json ? bytes(Http.JSON.writeValueAsString(sample(bodySchema, 0))) : bodyType == null ? null : bytes("a,b,c\n");
        List<String> baseHeaders = bodyType == null ? List.of() : List.of("Content-Type: " + bodyType);
        String target = fill(path, real, Map.of());
        // Odd path parameters. A body, where one is taken, is the plausible one: only the path is odd.
        for (String param : real.keySet()) {
            for (String odd : ODD_PATH_VALUES) {
                probes.add(new Probe(name, "path " + param + "=" + shorten(odd), method, fill(path, real, Map.of(param, odd)),
                    base, baseHeaders));
            }
        }
        for (String param : query) {
            for (String odd : ODD_QUERY_VALUES) {
                probes.add(new Probe(name, "query " + param + "=" + shorten(odd), method,
                    target + "?" + param + "=" + odd, base, baseHeaders));
            }
            probes.add(new Probe(name, "query " + param + " twice", method, target + "?" + param + "=1&" + param + "=2",
                base, baseHeaders));
        }
        if (idempotencyKey) {
            for (String key : List.of("", "x".repeat(201), "x".repeat(5_000), "é-not-ascii", "%00")) {
                List<String> headers = new ArrayList<>(baseHeaders);
                headers.add("Idempotency-Key: " + key);
                probes.add(new Probe(name, "Idempotency-Key " + shorten(key), method, target, base, headers));
            }
        }
        if (method.equals("DELETE")) {
            // Only odd identifiers: a delete of something that exists (the fuzz's own token) is not malformed.
            return probes;
        }
        if (bodyType == null) {
            // An operation without a body, sent one anyway.
            probes.add(new Probe(name, "unexpected body", method, target, bytes("{\"a\":1}"), List.of("Content-Type: application/json")));
            probes.add(new Probe(name, "unexpected body of */*", method, target, bytes("{}"), List.of("Content-Type: */*")));
            return probes;
        }
        for (String type : WRONG_CONTENT_TYPES) {
            probes.add(new Probe(name, "Content-Type " + type, method, target, base,
                type.isEmpty() ? List.of() : List.of("Content-Type: " + type)));
        }
        probes.add(new Probe(name, "no body", method, target, null, baseHeaders));
        probes.add(new Probe(name, "NUL byte", method, target, bytes("{\"a\":\"x\u0000y\"}"), baseHeaders));
        probes.add(new Probe(name, "invalid UTF-8", method, target,
            new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}, baseHeaders));
        if (!json) {
            for (String text : List.of("", "only-one-column", "a,b,c,d,e,f,g\n" + "x,".repeat(10_000), "\u0000,\u0000,\u0000",
                    "customerRef,email,name\n\"unclosed,x@example.com,y\n", UNICODE + "," + UNICODE + "," + UNICODE)) {
                probes.add(new Probe(name, "text " + shorten(text), method, target, bytes(text), baseHeaders));
            }
            return probes;
        }
        for (String invalid : INVALID_JSON) {
            probes.add(new Probe(name, "json " + shorten(invalid), method, target, bytes(invalid), baseHeaders));
        }
        probes.add(new Probe(name, "array instead of object", method, target, bytes("[" + new String(base, StandardCharsets.UTF_8) + "]"), baseHeaders));
        for (Map.Entry<String, Object> mutation : mutations(bodySchema).entrySet()) {
            probes.add(new Probe(name, mutation.getKey(), method, target, bytes(Raw.write(mutation.getValue())), baseHeaders));
        }
        return probes;
    }

    /** Each field of the body (and of objects in it, one level down) set to what it must not be. */
    private Map<String, Object> mutations(JsonNode schema) {
        Map<String, Object> mutations = new LinkedHashMap<>();
        JsonNode object = resolve(schema);
        @SuppressWarnings("unchecked")
        Map<String, Object> base = sample(schema, 0) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        mutations.put("empty object", Map.of());
        Map<String, Object> extra = new LinkedHashMap<>(base);
        extra.put("unexpectedField", List.of(1, 2));
        extra.put("id", 999_999);
        mutations.put("extra fields", extra);
        for (Map.Entry<String, JsonNode> property : object.path("properties").properties()) {
            String field = property.getKey();
            JsonNode fieldSchema = resolve(property.getValue());
            Map<String, Object> without = new LinkedHashMap<>(base);
            without.remove(field);
            mutations.put("without " + field, without);
            for (Map.Entry<String, Object> wrong : wrongValues(fieldSchema).entrySet()) {
                Map<String, Object> mutated = new LinkedHashMap<>(base);
                mutated.put(field, wrong.getValue());
                mutations.put(field + " " + wrong.getKey(), mutated);
            }
            // One level down: the fields of an object in the body, or of the first item of a list of objects.
            boolean list = fieldSchema.path("type").asString("").equals("array");
            JsonNode innerSchema = list ? resolve(fieldSchema.path("items")) : fieldSchema;
            Object innerBase = list && base.get(field) instanceof List<?> items && !items.isEmpty() ? items.get(0) : base.get(field);
            if (innerSchema.has("properties") && innerBase instanceof Map<?, ?> inner) {
                for (Map.Entry<String, JsonNode> nested : innerSchema.path("properties").properties()) {
                    for (Map.Entry<String, Object> wrong : wrongValues(resolve(nested.getValue())).entrySet()) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> innerMutated = new LinkedHashMap<>((Map<String, Object>) inner);
                        innerMutated.put(nested.getKey(), wrong.getValue());
                        Map<String, Object> mutated = new LinkedHashMap<>(base);
                        mutated.put(field, list ? List.of(innerMutated) : innerMutated);
                        mutations.put(field + (list ? "[0]." : ".") + nested.getKey() + " " + wrong.getKey(), mutated);
                    }
                }
            }
        }
        return mutations;
    }

    private Map<String, Object> wrongValues(JsonNode schema) {
        Map<String, Object> wrong = new LinkedHashMap<>();
        String type = schema.path("type").asString("");
        wrong.put("null", null);
        wrong.put("object", Map.of("a", 1));
        wrong.put("boolean", true);
        switch (type) {
            case "integer", "number" -> {
                wrong.put("string", "abc");
                wrong.put("negative", -1);
                wrong.put("huge", new BigInteger("99999999999999999999999999"));
                wrong.put("fraction", 1.5);
                wrong.put("overflowing", new Raw("1e400"));
                wrong.put("zero", 0);
            }
            case "array" -> {
                wrong.put("string", "abc");
                wrong.put("with null", nullList());
                wrong.put("with nested array", List.of(List.of()));
                wrong.put("with wrong items", List.of(12345, "x", true));
                wrong.put("empty", List.of());
                wrong.put("long", Collections.nCopies(20_000, sample(schema.path("items"), 1)));
            }
            case "boolean" -> {
                wrong.put("string", "maybe");
                wrong.put("number", 2);
            }
            default -> {
                wrong.put("number", 12345);
                wrong.put("array", List.of("a"));
                wrong.put("empty", "");
                wrong.put("blank", "   ");
                wrong.put("huge", HUGE);
                wrong.put("unicode", UNICODE);
                wrong.put("NUL", "before\u0000after");
                wrong.put("control characters", "a\u0001\u0007\u001b[31mb\r\nc");
                wrong.put("bad enum or format", "NOT_A_VALUE");
                wrong.put("bad date", "2026-13-45");
                wrong.put("markup", "<script>alert(1)</script>' or 1=1 --");
            }
        }
        return wrong;
    }

    private static List<Object> nullList() {
        List<Object> list = new ArrayList<>();
        list.add(null);
        return list;
    }

    /** A plausible value for the schema: its example, its first enum value, or something of its type. */
    private Object sample(JsonNode schema, int depth) {
        JsonNode resolved = resolve(schema);
        if (resolved.has("example")) {
            return Http.JSON.convertValue(resolved.get("example"), Object.class);
        }
        if (resolved.has("enum")) {
            return resolved.get("enum").get(0).asString();
        }
        String format = resolved.path("format").asString("");
        return switch (resolved.path("type").asString("object")) {
            case "integer" -> 2;
            case "number" -> 10.5;
            case "boolean" -> true;
            case "array" -> depth > 3 ? List.of() : List.of(sample(resolved.path("items"), depth + 1));
            case "string" -> switch (format) {
                case "date" -> "2030-01-01";
                case "date-time" -> "2030-01-01T10:00:00Z";
                case "email" -> "fuzz@example.com";
                default -> "fuzz";
            };
            default -> {
                Map<String, Object> object = new LinkedHashMap<>();
                if (depth <= 3) {
                    resolved.path("properties").properties()
                        .forEach(property -> object.put(property.getKey(), sample(property.getValue(), depth + 1)));
                }
                yield object;
            }
        };
    }

    private JsonNode resolve(JsonNode schema) {
        if (schema == null) {
            return Http.JSON.createObjectNode();
        }
        String ref = schema.path("$ref").asString("");
        if (ref.startsWith("#/components/schemas/")) {
            return schemas.path(ref.substring("#/components/schemas/".length()));
        }
        if (schema.has("allOf") && schema.get("allOf").size() == 1) {
            return resolve(schema.get("allOf").get(0));
        }
        return schema;
    }

    private static String fill(String path, Map<String, String> real, Map<String, String> odd) {
        String filled = path;
        for (Map.Entry<String, String> param : real.entrySet()) {
            String value = odd.containsKey(param.getKey()) ? odd.get(param.getKey())
                : URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8);
            filled = filled.replace("{" + param.getKey() + "}", value);
        }
        return filled;
    }

    private static String shorten(String text) {
        String printable = text.replace("\u0000", "\\0").replace("\r", "\\r").replace("\n", "\\n");
        return printable.length() <= 24 ? "'" + printable + "'" : "'" + printable.substring(0, 20) + "…' (" + text.length() + ")";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** JSON text written as is (a number no Java type holds). */
    record Raw(String json) {

        static String write(Object value) {
            List<String> raws = new ArrayList<>();
            String json = Http.JSON.writeValueAsString(replace(value, raws));
            for (int i = 0; i < raws.size(); i++) {
                json = json.replace("\"@raw" + i + "@\"", raws.get(i));
            }
            return json;
        }

        private static Object replace(Object value, List<String> raws) {
            if (value instanceof Raw raw) {
                raws.add(raw.json());
                return "@raw" + (raws.size() - 1) + "@";
            }
            if (value instanceof Map<?, ?> map) {
                Map<Object, Object> copy = new LinkedHashMap<>();
                map.forEach((key, inner) -> copy.put(key, replace(inner, raws)));
                return copy;
            }
            return value;
        }
    }
}
