package dev.gatehouse.adapter.in.rest;

import io.micronaut.http.HttpRequest;

/** What of a request may reach a log line: the path (never the query, which may carry a token), escaped. */
final class LogSafe {
    private LogSafe() {
    }

    static String path(HttpRequest<?> request) {
        return escape(request.getPath(), 200);
    }

    static String escape(String value, int max) {
        if (value == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), max) + 8);
        for (int i = 0; i < value.length() && out.length() < max; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
